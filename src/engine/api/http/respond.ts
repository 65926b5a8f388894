/**
 * Stage 5 output: JSON:API documents with the JSON:API media type, single
 * and collection shapes, and the ETag of a single resource.
 */
import type { Context } from "hono";
import type { ResourceObject } from "./serialize";
import { etag } from "./version";
import { JSON_API } from "./openapi-shared";

export const JSONAPI_OBJECT = { version: "1.1" } as const;

export function sendDocument(c: Context, status: 200 | 201, document: object, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(document), status, { "content-type": JSON_API, ...headers });
}

/** A single-resource document; `included` only when something was asked to be included. */
export function sendResource(c: Context, status: 200 | 201, data: ResourceObject, included: ResourceObject[] | undefined,
  self: string, headers: Record<string, string> = {}): Response {
  return sendDocument(c, status, { jsonapi: JSONAPI_OBJECT, data, ...(included ? { included } : {}), links: { self } },
    { etag: etag(data.meta.checksum), ...headers });
}
