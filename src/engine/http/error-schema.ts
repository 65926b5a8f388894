/**
 * The OpenAPI description of error responses: one JSON:API error document
 * schema (codes from the error table) for every route of every service.
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
