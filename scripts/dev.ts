/**
 * `bun run dev`: the whole system on its embedded defaults. Starts Postgres
 * (DATABASE_URL or embedded under .data/), a local Kafka broker (KAFKA_BROKERS,
 * or one from Maven Central jars where Java is present), Northwind on 5656 with
 * its outbox relay, and Shipping on 5657 (SHIPPING_PORT) with its consumer;
 * prints the URLs and the database connection string. Ctrl-C stops, in reverse
 * order, whatever had started, even during start-up.
 */
import { join } from "node:path";
import { loadConfig, type Config } from "../src/config";
import { buildAdmin } from "../src/engine/admin";
import { ConfigError } from "../src/engine/config/parse-env";
import { createLogger } from "../src/engine/log/logger";
import { generateDevSigningKey } from "../src/engine/security/dev-signing-key";
import { JWKS_PATH } from "../src/engine/security/jwks.routes";
import { kafkaSaslFromConfig } from "../src/engine/kafka/kafka-auth";
import { surviveStrayErrors } from "../src/engine/process/survive-stray-errors";
import { canRunLocalKafka, startLocalKafka, type LocalKafka } from "../src/engine/kafka/local-kafka";
import { preferredPort } from "../src/engine/net/free-port";
import { createRelay } from "../src/engine/outbox/relay";
import { RELAY_TOPICS } from "../src/northwind/publish";
import { startNorthwind } from "../src/northwind/service";
import { loadShippingConfig } from "../shipping/config";
import { startShipping } from "../shipping/service";

const DATA_DIR = join(import.meta.dir, "../.data");
const DEV_KAFKA_PORT = 19092;

const base = loadConfigOrExit();
const logger = createLogger({ level: base.LOG_LEVEL, name: "dev" });
surviveStrayErrors(logger);
const say = (line: string) => logger.info(line);
const stops: { name: string; stop: () => Promise<unknown> }[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say("stopping…");
    for (const { name, stop } of stops.reverse()) {
      await stop().catch((err: unknown) => logger.error({ err }, `${name} stop failed`));
    }
  }
  process.exit(code);
}
process.once("SIGINT", () => void shutdown(0));
process.once("SIGTERM", () => void shutdown(0));

async function startKafkaIfPossible(): Promise<LocalKafka | undefined> {
  if (process.env.KAFKA_BROKERS) return undefined;
  if (!canRunLocalKafka()) {
    say("kafka: java/mvn not found and KAFKA_BROKERS unset; running without Kafka");
    return undefined;
  }
  // Authenticated: another checkout's broker that takes this port later refuses our clients.
  return startLocalKafka({ dataDir: join(DATA_DIR, "kafka"), port: await preferredPort(DEV_KAFKA_PORT), log: say,
    authenticate: true });
}

async function main(): Promise<void> {
  const started = performance.now();
  const admin = await buildAdmin();
  say(`admin app built in ${admin.ms} ms`);
  const kafka = await startKafkaIfPossible();
  if (kafka) stops.push({ name: "kafka", stop: () => kafka.stop() });
  const config = { ...base, ...(kafka ? localKafkaConfig(kafka) : {}), ...await devSigningKey() };
  const northwind = await startNorthwind(config, logger.child({ service: "northwind" }), DATA_DIR);
  stops.push({ name: "northwind", stop: () => northwind.stop() });
  const relay = config.KAFKA_BROKERS
    ? createRelay({ sql: northwind.database.sql, databaseUrl: northwind.databaseUrl,
      brokers: config.KAFKA_BROKERS.split(","), sasl: kafkaSaslFromConfig(config), logger: logger.child({ service: "relay" }),
      topics: RELAY_TOPICS, topicPrefix: config.KAFKA_TOPIC_PREFIX })
    : undefined;
  await relay?.start();
  if (relay) stops.push({ name: "relay", stop: () => relay.stop() });
  // Shipping verifies Northwind's tokens: with its published keys, or the shared JWT_SECRET when one is set.
  const shippingConfig = loadShippingConfig({ ...process.env, PORT: process.env.SHIPPING_PORT, KAFKA_BROKERS: config.KAFKA_BROKERS,
    KAFKA_SASL_USERNAME: config.KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD: config.KAFKA_SASL_PASSWORD,
    JWT_ALGORITHM: config.JWT_ALGORITHM, NORTHWIND_URL: northwind.url,
    ...(config.JWT_ALGORITHM === "HS256" ? {} : { JWT_JWKS_URL: process.env.JWT_JWKS_URL ?? `${northwind.url}${JWKS_PATH}` }) });
  const shipping = await startShipping(shippingConfig, await northwind.postgres.urlFor("shipping"),
    logger.child({ service: "shipping" }));
  stops.push({ name: "shipping", stop: () => shipping.stop() });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log([
    "",
    `Northwind is up (${seconds}s):`,
    `  API        ${northwind.url}/api`,
    `  API docs   ${northwind.url}/docs`,
    `  OpenAPI    ${northwind.url}/openapi.json`,
    `  Health     ${northwind.url}/health`,
    `  Database   ${northwind.databaseUrl}`,
    `  Kafka      ${config.KAFKA_BROKERS ?? "not configured"}`,
    `  Relay      ${relay ? "outbox -> Kafka" : "off (no Kafka): outbox rows wait"}`,
    `  Admin      ${northwind.url}/admin  (Shipping: ${shipping.url}/admin)`,
    `  Shipping   ${shipping.url}/api  (docs ${shipping.url}/docs)`,
    "",
    "Log in with admin/p, s1/p, ALFKI/p or partner/p (the admin app, or POST /api/auth/login).",
    "",
  ].join("\n"));
}

function localKafkaConfig(kafka: LocalKafka): Partial<Config> {
  return { KAFKA_BROKERS: kafka.brokers.join(","), KAFKA_SASL_USERNAME: kafka.sasl?.username, KAFKA_SASL_PASSWORD: kafka.sasl?.password };
}

/** Without configured keys, one ES256 key pair for this run: Northwind signs, Shipping checks its JWKS. */
async function devSigningKey(): Promise<Partial<Config>> {
  if (base.JWT_SECRET || base.JWT_PRIVATE_KEY || base.JWT_ALGORITHM !== "HS256") return {};
  const key = await generateDevSigningKey();
  say("tokens: signing with an ES256 key generated for this run (published at /.well-known/jwks.json)");
  return { JWT_ALGORITHM: key.algorithm, JWT_PRIVATE_KEY: key.privateKeyPem };
}

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : String(e));
    process.exit(1);
  }
}

main().catch(async (e: unknown) => {
  console.error(`dev start-up failed: ${e instanceof Error ? e.stack : String(e)}`);
  await shutdown(1);
});
