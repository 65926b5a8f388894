/**
 * createShippingApp: the Shipping service's HTTP app, composed from the engine.
 * Every /api route needs a Northwind bearer token (verified with Northwind's
 * keys); Shipping's grants decide what each role may do. Login is forwarded to
 * Northwind, which holds the users, so the admin app signs in as on Northwind.
 */
import { join } from "node:path";
import type { Logger } from "pino";
import type { Database } from "../src/engine/db/database";
import type { ConsumerHealth, KafkaHealth } from "../src/engine/http/health";
import { registerAdmin } from "../src/engine/admin";
import { registerJsonApi } from "../src/engine/api";
import { createServiceApp } from "../src/engine/http/create-service-app";
import { registerLoginProxy } from "../src/engine/security/login-proxy";
import { registerMe } from "../src/engine/security/me.routes";
import { roleAccess } from "../src/engine/security/permissions";
import type { TokenVersionCheck } from "../src/engine/security/token-version";
import type { TokenService } from "../src/engine/security/tokens";
import { shippingResources } from "./api";
import { shippingGrants } from "./grants";

export interface ShippingAppDeps {
  database: Database;
  kafka: KafkaHealth;
  logger: Logger;
  /** Verifies Northwind's tokens (JWKS, public key or shared secret). */
  tokens: TokenService;
  /** Northwind's base URL, where /api/auth/login is forwarded. */
  northwindUrl: string;
  maxBodyBytes?: number;
  /** The order consumer, when Kafka is configured: /health reports it. */
  consumer?: ConsumerHealth;
  /** Refuses tokens the issuer has revoked (issuer-token-check.ts); absent, a token holds until it expires. */
  tokenVersion?: TokenVersionCheck;
}

const LOGIN_PATH = "/api/auth/login";

export function createShippingApp(deps: ShippingAppDeps) {
  const app = createServiceApp({
    title: "Shipping",
    logger: deps.logger,
    maxBodyBytes: deps.maxBodyBytes,
    health: { sql: deps.database.sql, kafka: deps.kafka, consumer: deps.consumer },
    auth: { tokens: deps.tokens, grants: shippingGrants, publicPaths: [LOGIN_PATH], tokenVersion: deps.tokenVersion },
  });
  registerLoginProxy(app, { upstream: new URL(LOGIN_PATH, deps.northwindUrl).toString() });
  registerMe(app, { grants: shippingGrants, registry: shippingResources });
  registerJsonApi(app, { registry: shippingResources, database: deps.database,
    access: roleAccess(shippingGrants, shippingResources) });
  registerAdmin(app, { registry: shippingResources, configFile: join(import.meta.dir, "admin.yaml"), title: "Shipping" });
  return app;
}
