/**
 * The base every service app is built on: request ids and logging, JSON:API
 * errors for everything thrown, a body-size limit, no NUL characters, bearer auth
 * on /api/* when given, /health, /openapi.json (whose security says what is
 * enforced) and /docs.
 * Services add their routes to the returned app.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "pino";
import type { AppEnv } from "./app-env";
import { errorResponse, onError } from "./error-handler";
import { notFoundOrNotAllowed } from "./method-not-allowed";
import { errorObject } from "./errors";
import { registerApiDocs } from "./api-docs";
import { registerHealth, type HealthDeps } from "./health";
import { BEARER_SCHEME, documentSecurity } from "./openapi-security";
import { bearerAuth, type BearerAuthOptions } from "../security/bearer-auth";
import { rejectNul } from "./reject-nul";
import { requestLogger } from "./request-logger";
import { throwOnInvalid } from "./validation";

export interface ServiceAppOptions {
  title: string;
  version?: string;
  logger: Logger;
  health: HealthDeps;
  maxBodyBytes?: number;
  /** Bearer tokens and grants guarding /api/*; without it the API is open (and documented as open). */
  auth?: BearerAuthOptions;
}

const API_PREFIX = "/api/";

export function createServiceApp(opts: ServiceAppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: throwOnInvalid });
  app.use("*", requestLogger(opts.logger));
  app.use("/api/*", bodyLimit({
    maxSize: opts.maxBodyBytes ?? 1_000_000,
    onError: (c) => errorResponse(c, 413, [errorObject("PAYLOAD_TOO_LARGE",
      `request body exceeds ${opts.maxBodyBytes ?? 1_000_000} bytes`)]),
  }));
  app.use("/api/*", rejectNul);
  app.onError(onError);
  app.notFound(notFoundOrNotAllowed(() => app.routes));
  if (opts.auth) app.use(`${API_PREFIX}*`, bearerAuth(opts.auth));
  registerHealth(app, opts.health);
  if (opts.auth) {
    app.openAPIRegistry.registerComponent("securitySchemes", BEARER_SCHEME, { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  }
  const guard = opts.auth ? { prefix: API_PREFIX, publicPaths: opts.auth.publicPaths ?? [] } : undefined;
  // Built on first request, when every route is registered; routes do not change after start.
  let doc: string | undefined;
  app.get("/openapi.json", (c) => {
    doc ??= JSON.stringify(documentSecurity(app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: opts.title, version: opts.version ?? "1.0.0" },
      ...(opts.auth ? { security: [{ [BEARER_SCHEME]: [] }] } : {}),
    }), guard));
    return c.body(doc, 200, { "content-type": "application/json" });
  });
  registerApiDocs(app, `${opts.title} API`);
  return app;
}
