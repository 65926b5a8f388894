/** drizzle-kit: Northwind's table migrations (its schema plus the engine's outbox and idempotency keys) into migrations/northwind. */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/northwind/schema.ts", "./src/engine/outbox/outbox.schema.ts", "./src/engine/http/idempotency.schema.ts"],
  out: "./migrations/northwind",
});
