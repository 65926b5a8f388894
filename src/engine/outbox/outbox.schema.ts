/**
 * The transactional outbox, shaped like Debezium's outbox contract: one row per
 * event, written in the business transaction, relayed to Kafka after commit.
 * `tx_id` (xid8) lets the relay wait for older in-flight transactions.
 */
import { sql } from "drizzle-orm";
import { bigserial, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

export const Outbox = pgTable("outbox", {
  Id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  Seq: bigserial("seq", { mode: "number" }).notNull(),
  TxId: xid8("tx_id").notNull().default(sql`pg_current_xact_id()`),
  AggregateType: text("aggregate_type").notNull(),
  AggregateId: text("aggregate_id").notNull(),
  Type: text("type").notNull(),
  Topic: text("topic").notNull(),
  Payload: jsonb("payload").notNull(),
  Headers: jsonb("headers").notNull().default(sql`'{}'::jsonb`),
  CreatedAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  DeliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "string" }),
  Attempts: integer("attempts").notNull().default(0),
  LastError: text("last_error"),
}, (t) => [
  index("outbox_pending_idx").on(t.Seq).where(sql`delivered_at is null`),
]);

export const OUTBOX_CHANNEL = "outbox";
