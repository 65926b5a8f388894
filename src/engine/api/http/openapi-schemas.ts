/**
 * Per-resource zod schemas, derived from the drizzle table by drizzle-zod and
 * named as OpenAPI components (`CustomerResource`, `CustomerCreateDocument`, …).
 * The same schemas validate request bodies and document the responses.
 */
import { z } from "@hono/zod-openapi";
import { createInsertSchema, createSelectSchema, createUpdateSchema } from "drizzle-zod";
import type { AttributeModel, ResourceModel } from "../model/resource-model";
import { collectionQuery } from "./openapi-params";
import { JsonApiObject, orNull, PaginationLinks, ResourceObject, ToManyRelationship, ToOneRelationship, VersionMeta } from "./openapi-shared";

type Schema = z.ZodType;
type Refinements = Record<string, (s: Schema) => Schema>;

function numericInput(a: AttributeModel): Schema {
  const m = /^numeric\((\d+),\s*(\d+)\)$/.exec(a.sqlType);
  const digits = m ? Number(m[1]) - Number(m[2]) : undefined;
  const number = digits === undefined ? z.number() : z.number().gt(-(10 ** digits)).lt(10 ** digits);
  const text = z.string().regex(digits === undefined ? /^-?\d+(\.\d+)?$/ : new RegExp(`^-?\\d{1,${digits}}(\\.\\d+)?$`),
    "a decimal number");
  return z.union([number, text]).openapi({ description: `decimal (${a.sqlType}): a JSON number or a numeric string` });
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/**
 * Refinements by kind: decimals are numbers out and number-or-string in; int8 is a string out
 * (a JSON number would lose digits) and number-or-string in; dates are YYYY-MM-DD.
 */
function refinements(resource: ResourceModel, direction: "in" | "out"): Refinements {
  const out: Refinements = {};
  for (const a of resource.attributes) {
    if (a.kind === "numeric") out[a.name] = () => (direction === "out" ? z.number() : numericInput(a));
    else if (a.kind === "bigint") {
      out[a.name] = () => (direction === "out" ? z.string().regex(/^-?\d+$/)
        : z.union([z.number().int(), z.string().regex(/^-?\d{1,19}$/)]).openapi({ description: "int8: a JSON integer or a digit string" }));
    } else if (a.kind === "date") out[a.name] = () => z.iso.date();
    else if (a.kind === "timestamp") out[a.name] = () => z.string().regex(TIMESTAMP, "an ISO timestamp");
  }
  return out;
}

function object(schema: unknown): z.ZodObject {
  return schema as z.ZodObject;
}

export interface ResourceSchemas {
  attributes: z.ZodObject;
  createAttributes: z.ZodObject;
  updateAttributes: z.ZodObject;
  resource: Schema;
  document: Schema;
  nullableDocument: Schema;
  collectionDocument: Schema;
  createDocument: Schema;
  updateDocument: Schema;
  /** Query parameters of collections of this type (lists and to-many related endpoints). */
  collectionQuery: ReturnType<typeof collectionQuery>;
}

export function resourceSchemas(resource: ResourceModel): ResourceSchemas {
  const T = resource.type;
  const table = resource.table as never;
  const attributes = object(createSelectSchema(table, refinements(resource, "out") as never)).partial()
    .openapi(`${T}Attributes`, { description: "Present unless left out by fields[...]. Decimals are JSON numbers." });
  // Generated keys are the server's; a chosen key may come as data.id instead of attributes.
  const key = Object.fromEntries(resource.primaryKey.map((a) => [a.name, true as const])) as Parameters<z.ZodObject["omit"]>[0];
  const insert = object(createInsertSchema(table, refinements(resource, "in") as never));
  const createAttributes = (resource.keyGenerated ? insert.omit(key) : insert.partial(key)).strict()
    .openapi(`${T}CreateAttributes`);
  const updateAttributes = object(createUpdateSchema(table, refinements(resource, "in") as never)).strict()
    .openapi(`${T}UpdateAttributes`, { description: "Key attributes may be sent but not changed." });
  const relationships = z.object(Object.fromEntries(resource.relationships.map((r) =>
    [r.name, r.kind === "toOne" ? ToOneRelationship : ToManyRelationship]))).partial();
  const resourceSchema = z.object({
    type: z.literal(T), id: z.string(), attributes, relationships: relationships.optional(),
    links: z.object({ self: z.string() }), meta: VersionMeta,
  }).openapi(`${T}Resource`);
  const included = z.array(ResourceObject).optional();
  const typeField = z.literal(T).openapi({ description: `must be "${T}" (409 otherwise)` });
  const checksum = z.object({ checksum: z.string().optional() }).loose().optional();
  return {
    attributes, createAttributes, updateAttributes, resource: resourceSchema, collectionQuery: collectionQuery(resource),
    document: z.object({ jsonapi: JsonApiObject.optional(), data: resourceSchema, included, links: z.object({ self: z.string() }) })
      .openapi(`${T}Document`),
    nullableDocument: z.object({ jsonapi: JsonApiObject.optional(), data: orNull(resourceSchema), included,
      links: z.object({ self: z.string() }) }).openapi(`${T}NullableDocument`),
    collectionDocument: z.object({ jsonapi: JsonApiObject.optional(), data: z.array(resourceSchema), included,
      links: PaginationLinks, meta: z.object({ count: z.number().int() }) }).openapi(`${T}CollectionDocument`),
    createDocument: z.object({ data: z.object({
      type: typeField,
      ...(resource.keyGenerated ? {} : { id: z.string().optional().openapi({ description: "client-chosen id (or send the key attributes)" }) }),
      attributes: createAttributes.optional(),
      meta: z.object({}).loose().optional(),
    }) }).openapi(`${T}CreateDocument`),
    updateDocument: z.object({ data: z.object({
      type: typeField, id: z.string(), attributes: updateAttributes.optional(), meta: checksum,
    }) }).openapi(`${T}UpdateDocument`),
  };
}
