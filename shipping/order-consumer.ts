/**
 * Shipping's consumer of `order_shipping`: validates each message against the
 * mapping's schema and writes the order and items; the engine's inbox consumer
 * makes it effectively-once and dead-letters what can never be applied.
 */
import type { Logger } from "pino";
import type { Database } from "../src/engine/db/database";
import type { KafkaSasl } from "../src/engine/kafka/kafka-auth";
import { createInboxConsumer, type InboxConsumer } from "../src/engine/inbox/inbox-consumer";
import { documentSchema, insertDocument } from "../src/engine/mapping";
import { z } from "zod";
import { ORDER_SHIPPING_ENVELOPE, orderShippingInbound } from "./mappers";

export const ORDER_SHIPPING_TOPIC = "order_shipping";
export const ORDER_SHIPPING_DLQ = `${ORDER_SHIPPING_TOPIC}.DLQ`;

const messageSchema = z.object({ [ORDER_SHIPPING_ENVELOPE]: documentSchema(orderShippingInbound) });

export function createOrderConsumer(opts: { database: Database; brokers: string[]; sasl?: KafkaSasl; logger: Logger;
  groupId?: string;
  /** Prepended to both topics, as the relay's topicPrefix is. */
  topicPrefix?: string; topic?: string; deadLetterTopic?: string }): InboxConsumer {
  const prefix = opts.topicPrefix ?? "";
  return createInboxConsumer({
    database: opts.database,
    brokers: opts.brokers,
    sasl: opts.sasl,
    logger: opts.logger,
    groupId: opts.groupId ?? "shipping",
    topic: opts.topic ?? prefix + ORDER_SHIPPING_TOPIC,
    deadLetterTopic: opts.deadLetterTopic ?? prefix + ORDER_SHIPPING_DLQ,
    handle: async (tx, document) => {
      const message = messageSchema.parse(document);
      await insertDocument(tx, orderShippingInbound,
        message[ORDER_SHIPPING_ENVELOPE] as Record<string, unknown>);
    },
  });
}
