/** createShippingApp: the Shipping service's HTTP app, composed from the engine. */
import type { Logger } from "pino";
import type { Database } from "../src/engine/db/database";
import type { KafkaHealth } from "../src/engine/http/health";
import { createServiceApp } from "../src/engine/http/create-service-app";

export interface ShippingAppDeps {
  database: Database;
  kafka: KafkaHealth;
  logger: Logger;
}

export function createShippingApp(deps: ShippingAppDeps) {
  return createServiceApp({
    title: "Shipping",
    logger: deps.logger,
    health: { sql: deps.database.sql, kafka: deps.kafka },
  });
}
