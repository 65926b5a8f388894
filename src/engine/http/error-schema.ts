/**
 * The OpenAPI description of error responses: one JSON:API error document
 * schema (codes from the error table) for every route of every service, and
 * the responses every operation can give whatever its handler does.
 */
import { z } from "@hono/zod-openapi";
import { ERROR_STATUS } from "./errors";
import { JSON_API_CONTENT_TYPE } from "./error-handler";

const ErrorObject = z.object({
  status: z.string(),
  code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
  title: z.string(),
  detail: z.string().optional(),
  source: z.object({ pointer: z.string(), parameter: z.string(), header: z.string() }).partial().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
}).openapi("JsonApiError");

export const ErrorDocument = z.object({ errors: z.array(ErrorObject) }).openapi("JsonApiErrorDocument");

/** A route's error response: `responses: { 422: errorResponse("…") }`. */
export function errorResponse(description: string) {
  return { description, content: { [JSON_API_CONTENT_TYPE]: { schema: ErrorDocument } } };
}

const RETRY_AFTER = { "Retry-After": { description: "seconds to wait before retrying", schema: { type: "string" as const } } };

/**
 * What any operation can answer, public or not: the HTTP server's limits, and failures
 * around the handler. 401/403 are added where the bearer check runs, by openapi-security.
 */
export const SERVER_ERRORS = {
  // Answered by Bun's HTTP server before the app sees the request, hence no JSON:API body.
  431: { description: "Request line or headers larger than the server accepts (16 KiB); no body" },
  500: errorResponse("Unexpected error; the detail carries the request id"),
  503: { ...errorResponse("The database or the token issuer's keys are unreachable; retry after Retry-After"),
    headers: RETRY_AFTER },
};
