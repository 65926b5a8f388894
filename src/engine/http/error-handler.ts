/**
 * Turns anything thrown in a request into a JSON:API error document. Unknown
 * errors become 500 with the request id; the stack goes to the log, never the client.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { DATABASE_RETRY_AFTER_SECONDS, isConnectionError } from "../db/connection-errors";
import { ApiError, ApiErrors, ERROR_STATUS, errorObject, type ErrorCode, type JsonApiErrorObject } from "./errors";
import { apiErrorFromPostgres } from "./sqlstate";
import type { AppEnv } from "./app-env";

export const JSON_API_CONTENT_TYPE = "application/vnd.api+json";

export function errorResponse(c: Context, status: number, errors: JsonApiErrorObject[],
  headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify({ errors }), status as 400, { "content-type": JSON_API_CONTENT_TYPE, ...headers });
}

/** Headers an error of that code carries: how to authenticate, or when to come back. */
const HEADERS_FOR: Partial<Record<ErrorCode, Record<string, string>>> = {
  UNAUTHENTICATED: { "www-authenticate": 'Bearer realm="api"' },
  UNAVAILABLE: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
};

/** Hono's own HTTPExceptions (body limit, validators) by status. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED",
  413: "PAYLOAD_TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE", 429: "TOO_MANY_REQUESTS",
};

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const known = toApiErrors(err);
  if (known) {
    const first = known[0]!;
    c.var.logger?.info({ err: first.cause ?? first, code: first.code, status: first.status }, "request failed");
    const headers = HEADERS_FOR[first.code] ?? {};
    return errorResponse(c, first.status, known.map((e) => e.toJsonApi()), headers);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // The body's status must be the response's: a status with no code of its own is answered as 400.
    const code = /malformed json/i.test(err.message) ? "MALFORMED_JSON" : HTTP_EXCEPTION_CODES[err.status] ?? "BAD_REQUEST";
    return errorResponse(c, ERROR_STATUS[code], [errorObject(code, err.message)]);
  }
  c.var.logger?.error({ err }, "unhandled error");
  return errorResponse(c, 500, [errorObject("INTERNAL", `unexpected error; request id ${c.var.requestId ?? "unknown"}`)]);
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, 404, [errorObject("NOT_FOUND", `no route for ${c.req.method} ${c.req.path}`)]);

function toApiErrors(err: unknown): ApiError[] | undefined {
  if (err instanceof ApiErrors) return err.errors;
  if (err instanceof ApiError) return [err];
  // Before the SQLSTATE table: a lost database is the server's state, not the request's fault.
  if (isConnectionError(err)) {
    return [new ApiError("UNAVAILABLE", "the database is unavailable; retry shortly", undefined, { cause: err })];
  }
  const fromPg = apiErrorFromPostgres(err) ?? apiErrorFromPostgres((err as { cause?: unknown })?.cause);
  return fromPg ? [fromPg] : undefined;
}
