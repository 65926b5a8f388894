/** Stored responses of requests sent with an Idempotency-Key, so a retry returns the first result. */
import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const IdempotencyKey = pgTable("idempotency_key", {
  Key: text("key").primaryKey(),
  Endpoint: text("endpoint").notNull(),
  RequestHash: text("request_hash").notNull(),
  Status: integer("status").notNull(),
  Body: jsonb("body").notNull(),
  CreatedAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});
