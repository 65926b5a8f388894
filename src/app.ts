/**
 * createApp: the Northwind service composed from the engine, with every
 * dependency injected so tests build it in-process without a port.
 */
import { join } from "node:path";
import type { Logger } from "pino";
import type { Database } from "./engine/db/database";
import type { KafkaHealth } from "./engine/http/health";
import { registerAdmin } from "./engine/admin";
import { registerJsonApi } from "./engine/api";
import { createServiceApp } from "./engine/http/create-service-app";
import { createOutboxHealth } from "./engine/outbox/outbox-store";
import { registerLogin } from "./engine/security/auth.routes";
import { registerMe } from "./engine/security/me.routes";
import { registerJwks } from "./engine/security/jwks.routes";
import { roleAccess } from "./engine/security/permissions";
import { createLoginLimiter, type LoginLimiter } from "./engine/security/login-limiter";
import { createTokenVersionCheck } from "./engine/security/token-version";
import type { TokenService } from "./engine/security/tokens";
import { tokenVersionLookup, userFinder } from "./northwind/auth";
import { northwindResources } from "./northwind/api";
import { registerOrderB2B } from "./northwind/b2b/order-b2b.index";
import { northwindGrants } from "./northwind/grants";

export interface AppDeps {
  database: Database;
  kafka: KafkaHealth;
  logger: Logger;
  tokens: TokenService;
  loginLimiter?: LoginLimiter;
  maxBodyBytes?: number;
  /** Reverse proxies in front whose X-Forwarded-For names the client (login throttling); 0 trusts none. */
  trustedProxies?: number;
  /** How long a user's token version is cached: the most a deleted or changed user's token still works. */
  tokenVersionCacheSeconds?: number;
}

const LOGIN_PATH = "/api/auth/login";

export function createApp(deps: AppDeps) {
  const tokenVersion = createTokenVersionCheck({ currentVersion: tokenVersionLookup(deps.database),
    cacheSeconds: deps.tokenVersionCacheSeconds });
  const app = createServiceApp({
    title: "Northwind",
    logger: deps.logger,
    maxBodyBytes: deps.maxBodyBytes,
    health: { sql: deps.database.sql, kafka: deps.kafka, outbox: createOutboxHealth(deps.database.sql) },
    auth: { tokens: deps.tokens, grants: northwindGrants, publicPaths: [LOGIN_PATH], tokenVersion },
  });
  registerJwks(app, deps.tokens);
  registerLogin(app, { tokens: deps.tokens, limiter: deps.loginLimiter ?? createLoginLimiter(),
    findUser: userFinder(deps.database), trustedProxies: deps.trustedProxies });
  registerMe(app, { grants: northwindGrants, registry: northwindResources });
  registerOrderB2B(app, deps.database);
  // Reads and writes go through the caller's role: columns it may not read are left out of every read.
  registerJsonApi(app, { registry: northwindResources, database: deps.database,
    access: roleAccess(northwindGrants, northwindResources) });
  registerAdmin(app, { registry: northwindResources, configFile: join(import.meta.dir, "northwind/admin.yaml"), title: "Northwind" });
  return app;
}
