/**
 * createApp: the Northwind service composed from the engine, with every
 * dependency injected so tests build it in-process without a port.
 */
import type { Logger } from "pino";
import type { Database } from "./engine/db/database";
import type { KafkaHealth } from "./engine/http/health";
import { createServiceApp } from "./engine/http/create-service-app";
import { createOutboxHealth } from "./engine/outbox/outbox-store";

export interface AppDeps {
  database: Database;
  kafka: KafkaHealth;
  logger: Logger;
  maxBodyBytes?: number;
}

export function createApp(deps: AppDeps) {
  const app = createServiceApp({
    title: "Northwind",
    logger: deps.logger,
    maxBodyBytes: deps.maxBodyBytes,
    health: { sql: deps.database.sql, kafka: deps.kafka, outbox: createOutboxHealth(deps.database.sql) },
  });
  return app;
}
