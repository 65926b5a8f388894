/** drizzle-kit: Shipping's table migrations into migrations/shipping. */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: ["./shipping/schema.ts"],
  out: "./migrations/shipping",
});
