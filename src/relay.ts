/**
 * Entry point of the outbox relay (`bun run relay`): publishes Northwind's
 * outbox to Kafka. Without KAFKA_BROKERS it says so and exits; messages wait.
 * With RELAY_HEALTH_PORT it answers GET /health (leader, database, progress).
 */
import { loadConfig } from "./config";
import { ConfigError } from "./engine/config/parse-env";
import { createDatabase } from "./engine/db/database";
import { createLogger } from "./engine/log/logger";
import { stopOnSignals } from "./engine/process/stop-on-signals";
import { kafkaSaslFromConfig } from "./engine/kafka/kafka-auth";
import { surviveStrayErrors } from "./engine/process/survive-stray-errors";
import { createRelay } from "./engine/outbox/relay";
import { relayHealth } from "./engine/outbox/relay-health";
import { RELAY_TOPICS } from "./northwind/publish";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: "relay" });
  surviveStrayErrors(logger);
  if (!config.DATABASE_URL) throw new ConfigError("invalid configuration: DATABASE_URL: required by the relay");
  if (!config.KAFKA_BROKERS) {
    logger.warn("Kafka is not configured (KAFKA_BROKERS unset): outbox rows wait untouched; nothing to relay");
    return;
  }
  const database = createDatabase({ url: config.DATABASE_URL, logger, max: 3 });
  const relay = createRelay({ sql: database.sql, databaseUrl: config.DATABASE_URL, brokers: config.KAFKA_BROKERS.split(","),
    sasl: kafkaSaslFromConfig(config), logger, topics: RELAY_TOPICS, topicPrefix: config.KAFKA_TOPIC_PREFIX });
  await relay.start();
  const server = config.RELAY_HEALTH_PORT === undefined ? undefined : Bun.serve({
    port: config.RELAY_HEALTH_PORT, hostname: "127.0.0.1",
    fetch: async (req) => {
      if (new URL(req.url).pathname !== "/health") return new Response("not found", { status: 404 });
      const { status, body } = await relayHealth(relay, database.sql);
      return Response.json(body, { status });
    },
  });
  if (server) logger.info(`relay health on http://127.0.0.1:${server.port}/health`);
  stopOnSignals(logger, async () => {
    await server?.stop();
    await relay.stop();
    await database.close();
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : `relay failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
