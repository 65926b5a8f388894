/**
 * Stored responses of requests sent with an Idempotency-Key, so a retry returns
 * the first result. A key belongs to the principal (token subject) that sent it:
 * two clients choosing the same key never see each other's response.
 */
import { integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const IdempotencyKey = pgTable("idempotency_key", {
  Principal: text("principal").notNull(),
  Key: text("key").notNull(),
  Endpoint: text("endpoint").notNull(),
  RequestHash: text("request_hash").notNull(),
  Status: integer("status").notNull(),
  Body: jsonb("body").notNull(),
  CreatedAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
}, (t) => [primaryKey({ name: "idempotency_key_pkey", columns: [t.Principal, t.Key] })]);
