/**
 * POST /api/auth/login on a service that keeps no users (Shipping): the same
 * contract as the issuer's login, forwarded to it, so the user store, password
 * checks and throttling stay in one place and the token that comes back is the
 * issuer's. The client's address travels in X-Forwarded-For for the throttle.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { clientAddress, UNKNOWN_ADDRESS } from "../http/client-address";
import { errorResponse } from "../http/error-schema";
import { ApiError } from "../http/errors";
import { loginRoute } from "./auth.routes";

export interface LoginProxyOptions {
  /** The issuer's login URL, e.g. http://127.0.0.1:5656/api/auth/login. */
  upstream: string;
  timeoutMs?: number;
  /** Proxies of the operator's in front of this service (see client-address.ts); 0 by default. */
  trustedProxies?: number;
}

const proxiedLoginRoute = createRoute({
  ...loginRoute,
  summary: "Exchange a username and password for a bearer token (checked by the token issuer, Northwind)",
  responses: { ...loginRoute.responses, 503: errorResponse("The token issuer is unreachable; retry later") },
});

const PASSED_HEADERS = ["content-type", "retry-after", "cache-control"];

export function registerLoginProxy(app: OpenAPIHono<any>, opts: LoginProxyOptions): void {
  app.openapi(proxiedLoginRoute, async (c) => {
    // The peer this service saw, never an X-Forwarded-For the client wrote itself.
    const address = clientAddress(c, { trustedProxies: opts.trustedProxies });
    const upstream = await fetch(opts.upstream, {
      method: "POST",
      headers: { "content-type": "application/json", ...(address !== UNKNOWN_ADDRESS ? { "x-forwarded-for": address } : {}) },
      body: JSON.stringify(c.req.valid("json")),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      redirect: "error",
    }).catch((err: unknown) => {
      throw new ApiError("UNAVAILABLE", "the login service is unreachable; retry later", undefined, { cause: err });
    });
    const headers = new Headers();
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    // The issuer answers with the same contract (200/400/401/415/422/429), so its reply is passed on as is.
    return new Response(await upstream.arrayBuffer(), { status: upstream.status, headers }) as never;
  });
}
