/**
 * Starts the Northwind service from parsed config: Postgres (given or embedded),
 * migrations and seed, then the HTTP server. Returns what a caller needs to stop it.
 */
import type { Logger } from "pino";
import type { Config } from "../config";
import { createApp } from "../app";
import { createDatabase, type Database } from "../engine/db/database";
import { provisionPostgres, type ProvisionedPostgres } from "../engine/db/provision";
import { kafkaSaslFromConfig } from "../engine/kafka/kafka-auth";
import { createKafkaHealth } from "../engine/kafka/kafka-health";
import { preferredPort } from "../engine/net/free-port";
import { urlHost } from "../engine/net/url-host";
import { demoUsersPresent, tokenServiceFromConfig } from "./auth";
import { prepareNorthwindDatabase } from "./database";

const EMBEDDED_POSTGRES_PORT = 54329;

export interface RunningNorthwind {
  url: string;
  databaseUrl: string;
  postgres: ProvisionedPostgres;
  database: Database;
  stop(): Promise<void>;
}

export async function startNorthwind(config: Config, logger: Logger, dataDir: string): Promise<RunningNorthwind> {
  const say = (line: string) => logger.info(line);
  const postgres = await provisionPostgres({
    databaseUrl: config.DATABASE_URL, dataDir, database: "northwind", log: say,
    // A stable port when free, so psql and other writers can keep one connection string.
    port: config.DATABASE_URL ? undefined : await preferredPort(EMBEDDED_POSTGRES_PORT),
  });
  const database = createDatabase({ url: postgres.url, logger });
  await prepareNorthwindDatabase(database, say);
  const brokers = config.KAFKA_BROKERS?.split(",");
  if (!brokers) logger.warn("Kafka is not configured (KAFKA_BROKERS unset): outbox messages will wait until it is");
  await refuseDemoUsersInProduction(config, database);
  const tokens = await tokenServiceFromConfig(config, (msg) => logger.warn(msg));
  const app = createApp({ database, kafka: createKafkaHealth(brokers, kafkaSaslFromConfig(config)), logger, tokens,
    maxBodyBytes: config.MAX_BODY_BYTES, trustedProxies: config.TRUSTED_PROXIES,
    tokenVersionCacheSeconds: config.TOKEN_VERSION_CACHE_SECONDS });
  const server = Bun.serve({ port: config.PORT, hostname: config.HOST, fetch: app.fetch });
  return {
    url: `http://${urlHost(config.HOST)}:${server.port}`,
    databaseUrl: postgres.url,
    postgres,
    database,
    async stop() {
      await server.stop();
      await database.close();
      await postgres.stop();
    },
  };
}

async function refuseDemoUsersInProduction(config: Config, database: Database): Promise<void> {
  if (config.NODE_ENV !== "production" || config.ALLOW_DEMO_USERS) return;
  const demo = await demoUsersPresent(database);
  if (demo.length > 0) {
    throw new Error(`demo logins with the sample password exist (${demo.join(", ")}); `
      + "change their passwords or set ALLOW_DEMO_USERS=true");
  }
}
