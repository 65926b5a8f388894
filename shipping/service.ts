/**
 * Starts the Shipping service: its database (migrated, seeded when empty), its
 * HTTP API on 5657 (on HOST, loopback by default) and, when Kafka is
 * configured, the order consumer.
 */
import type { Logger } from "pino";
import { urlHost } from "../src/engine/net/url-host";
import { createDatabase, type Database } from "../src/engine/db/database";
import { kafkaSaslFromConfig } from "../src/engine/kafka/kafka-auth";
import { createKafkaHealth } from "../src/engine/kafka/kafka-health";
import type { InboxConsumer } from "../src/engine/inbox/inbox-consumer";
import { createIssuerTokenCheck } from "../src/engine/security/issuer-token-check";
import { createShippingApp } from "./app";
import { shippingTokenVerifier } from "./auth";
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
  const sasl = kafkaSaslFromConfig(config);
  const consumer = brokers
    ? createOrderConsumer({ database, brokers, sasl, logger, groupId: config.SHIPPING_GROUP_ID, topicPrefix: config.KAFKA_TOPIC_PREFIX })
    : undefined;
  const tokenVersion = config.TOKEN_REVOCATION === "issuer"
    ? createIssuerTokenCheck({ url: new URL("/api/auth/me", config.NORTHWIND_URL).toString(),
      cacheSeconds: config.TOKEN_VERSION_CACHE_SECONDS })
    : undefined;
  const app = createShippingApp({ database, kafka: createKafkaHealth(brokers, sasl), logger, consumer, tokenVersion,
    tokens: await shippingTokenVerifier(config), northwindUrl: config.NORTHWIND_URL, maxBodyBytes: config.MAX_BODY_BYTES });
  const server = Bun.serve({ port: config.PORT, hostname: config.HOST, fetch: app.fetch });
  if (!brokers) logger.warn("Kafka is not configured (KAFKA_BROKERS unset): Shipping receives no orders");
  // Joining the consumer group can wait out an old member's session; the API need not wait for it.
  consumer?.start().catch((err: unknown) => logger.error({ err }, "shipping consumer failed to start"));
  return {
    url: `http://${urlHost(config.HOST)}:${server.port}`,
    database,
    consumer,
    async stop() {
      await consumer?.stop();
      await server.stop();
      await database.close();
    },
  };
}
