/** Builds the Northwind app in-process over a cloned test database. */
import pino from "pino";
import { createApp } from "../../src/app";
import { createKafkaHealth } from "../../src/engine/kafka/kafka-health";
import { cloneDatabase, type TestDatabase } from "./test-database";

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

export function kafkaBrokers(): string[] | undefined {
  return process.env.KAFKA_BROKERS?.split(",");
}

export async function createTestApp(): Promise<{ app: ReturnType<typeof createApp>; database: TestDatabase }> {
  const database = await cloneDatabase();
  const app = createApp({ database, kafka: createKafkaHealth(kafkaBrokers()), logger: silentLogger });
  return { app, database };
}
