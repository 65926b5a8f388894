/** createShippingApp: the Shipping service's HTTP app, composed from the engine. */
import { join } from "node:path";
import type { Logger } from "pino";
import type { Database } from "../src/engine/db/database";
import type { KafkaHealth } from "../src/engine/http/health";
import { registerAdmin } from "../src/engine/admin";
import { registerJsonApi } from "../src/engine/api";
import { createServiceApp } from "../src/engine/http/create-service-app";
import { shippingResources } from "./api";

export interface ShippingAppDeps {
  database: Database;
  kafka: KafkaHealth;
  logger: Logger;
}

/**
 * Shipping is an internal service behind Northwind: its API is not
 * authenticated here (run it on a private network, or front it with a gateway).
 */
export function createShippingApp(deps: ShippingAppDeps) {
  const app = createServiceApp({
    title: "Shipping",
    logger: deps.logger,
    health: { sql: deps.database.sql, kafka: deps.kafka },
  });
  registerJsonApi(app, { registry: shippingResources, database: deps.database });
  registerAdmin(app, { registry: shippingResources, configFile: join(import.meta.dir, "admin.yaml"), title: "Shipping", login: false });
  return app;
}
