/**
 * The inbox: one row per consumed message id, written in the same transaction
 * as the rows the message produced, so a redelivered message changes nothing.
 */
import { bigint, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const Inbox = pgTable("inbox", {
  MessageId: text("message_id").primaryKey(),
  Topic: text("topic").notNull(),
  Partition: integer("partition").notNull(),
  Offset: bigint("offset", { mode: "number" }).notNull(),
  ReceivedAt: timestamp("received_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});
