/**
 * The base every service app is built on: request ids and logging, JSON:API
 * errors for everything thrown, a body-size limit, no NUL characters, /health, /openapi.json and /docs.
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
import { rejectNul } from "./reject-nul";
import { requestLogger } from "./request-logger";
import { throwOnInvalid } from "./validation";

export interface ServiceAppOptions {
  title: string;
  version?: string;
  logger: Logger;
  health: HealthDeps;
  maxBodyBytes?: number;
}

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
  registerHealth(app, opts.health);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: opts.title, version: opts.version ?? "1.0.0" },
    security: [{ bearerAuth: [] }],
  });
  registerApiDocs(app, `${opts.title} API`);
  return app;
}
