/** createShippingApp: the Shipping service's HTTP app, composed from the engine. */
import { join } from "node:path";
import type { Logger } from "pino";
import type { Database } from "../src/engine/db/database";
import type { ConsumerHealth, KafkaHealth } from "../src/engine/http/health";
import { registerAdmin } from "../src/engine/admin";
import { registerJsonApi } from "../src/engine/api";
import { createServiceApp } from "../src/engine/http/create-service-app";
import { shippingResources } from "./api";

export interface ShippingAppDeps {
  database: Database;
  kafka: KafkaHealth;
  logger: Logger;
  /** The order consumer, when Kafka is configured: /health reports it. */
  consumer?: ConsumerHealth;
}

/**
 * Shipping is an internal service behind Northwind: its API is not
 * authenticated here (run it on a private network, or front it with a gateway).
 */
export function createShippingApp(deps: ShippingAppDeps) {
  const app = createServiceApp({
    title: "Shipping",
    logger: deps.logger,
    health: { sql: deps.database.sql, kafka: deps.kafka, consumer: deps.consumer },
  });
  registerJsonApi(app, { registry: shippingResources, database: deps.database });
  registerAdmin(app, { registry: shippingResources, configFile: join(import.meta.dir, "admin.yaml"), title: "Shipping", login: false });
  return app;
}
