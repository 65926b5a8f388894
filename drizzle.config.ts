/** drizzle-kit: table migrations for Northwind are generated from its schema into migrations/. */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/northwind/schema.ts",
  out: "./migrations/northwind",
});
