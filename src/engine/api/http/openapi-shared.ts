/**
 * OpenAPI components shared by every resource: identifiers, relationship
 * objects, a generic resource (for `included`), pagination links, filter
 * operators and the JSON:API error document.
 */
import { z } from "@hono/zod-openapi";

export const JSON_API = "application/vnd.api+json";

export const ResourceIdentifier = z.object({ type: z.string(), id: z.string() }).openapi("ResourceIdentifier");

/**
 * A named component or null. Not `.nullable()`: on a component that renders as
 * `allOf: [$ref, {type: [object, null]}]`, which null never satisfies (the $ref is an object).
 */
export function orNull<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.null()]);
}

const RelationshipLinks = z.object({ self: z.string(), related: z.string() }).openapi("RelationshipLinks");

export const ToOneRelationship = z.object({ links: RelationshipLinks, data: orNull(ResourceIdentifier).optional() })
  .openapi("ToOneRelationship", { description: "`data` is present when the relationship was included." });

export const ToManyRelationship = z.object({ links: RelationshipLinks, data: z.array(ResourceIdentifier).optional() })
  .openapi("ToManyRelationship", { description: "`data` is present when the relationship was included." });

export const VersionMeta = z.object({ checksum: z.string() }).openapi("VersionMeta", {
  description: "The row version: Postgres xmin, the last writing transaction, so every writer (this API, rule triggers, "
    + "psql, batch jobs) changes it with no column to maintain. Send it back as `If-Match: \"<checksum>\"` or as "
    + "`data.meta.checksum` on PATCH/DELETE; a stale one answers 412. Write responses carry the new one (and ETag).",
});

export const ResourceObject = z.object({
  type: z.string(),
  id: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  relationships: z.record(z.string(), z.union([ToOneRelationship, ToManyRelationship])).optional(),
  links: z.object({ self: z.string() }),
  meta: VersionMeta,
}).openapi("ResourceObject", { description: "Any resource, as found in `included`." });

export const PaginationLinks = z.object({
  self: z.string(),
  first: z.string(),
  prev: z.string().nullable(),
  next: z.string().nullable(),
  last: z.string().nullable(),
}).openapi("PaginationLinks");

export const JsonApiObject = z.object({ version: z.literal("1.1") }).openapi("JsonApiObject");

export const FilterOperators = z.object({
  eq: z.string(), ne: z.string(), lt: z.string(), le: z.string(), gt: z.string(), ge: z.string(),
  in: z.string().openapi({ description: "comma-separated values" }),
  notin: z.string().openapi({ description: "comma-separated values; NULLs match" }),
  like: z.string().openapi({ description: "SQL LIKE pattern (% and _), text attributes" }),
  ilike: z.string().openapi({ description: "case-insensitive LIKE" }),
  null: z.string().openapi({ description: "empty or true: IS NULL; false: IS NOT NULL" }),
  notnull: z.string().openapi({ description: "empty or true: IS NOT NULL; false: IS NULL" }),
}).partial().openapi("FilterOperators");


export const LinkageDocument = z.object({
  data: z.union([ResourceIdentifier, z.array(ResourceIdentifier), z.null()]),
  links: z.object({ self: z.string(), related: z.string() }).catchall(z.string().nullable()),
  meta: z.object({ count: z.number().int() }).optional(),
}).openapi("LinkageDocument");

export { errorResponse, SERVER_ERRORS } from "../../http/error-schema";
