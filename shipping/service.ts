/**
 * Starts the Shipping service: its database (migrated, seeded when empty), its
 * HTTP API on 5657 and, when Kafka is configured, the order consumer.
 */
import type { Logger } from "pino";
import { createDatabase, type Database } from "../src/engine/db/database";
import { createKafkaHealth } from "../src/engine/kafka/kafka-health";
import type { InboxConsumer } from "../src/engine/inbox/inbox-consumer";
import { createShippingApp } from "./app";
import type { ShippingConfig } from "./config";
import { prepareShippingDatabase } from "./database";
import { createOrderConsumer } from "./order-consumer";

export interface RunningShipping {
  url: string;
  database: Database;
  consumer?: InboxConsumer;
  stop(): Promise<void>;
}

export async function startShipping(config: ShippingConfig, databaseUrl: string, logger: Logger): Promise<RunningShipping> {
  const database = createDatabase({ url: databaseUrl, logger });
  await prepareShippingDatabase(database, (line) => logger.info(line));
  const brokers = config.KAFKA_BROKERS?.split(",");
  const consumer = brokers
    ? createOrderConsumer({ database, brokers, logger, groupId: config.SHIPPING_GROUP_ID, topicPrefix: config.KAFKA_TOPIC_PREFIX })
    : undefined;
  const app = createShippingApp({ database, kafka: createKafkaHealth(brokers), logger, consumer });
  const server = Bun.serve({ port: config.PORT, hostname: "0.0.0.0", fetch: app.fetch });
  if (!brokers) logger.warn("Kafka is not configured (KAFKA_BROKERS unset): Shipping receives no orders");
  // Joining the consumer group can wait out an old member's session; the API need not wait for it.
  consumer?.start().catch((err: unknown) => logger.error({ err }, "shipping consumer failed to start"));
  return {
    url: `http://localhost:${server.port}`,
    database,
    consumer,
    async stop() {
      await consumer?.stop();
      await server.stop();
      await database.close();
    },
  };
}
