/**
 * Query, path and header parameters as zod schemas, so they appear in the
 * OpenAPI document (deepObject style for filter, fields and page). Parsing and
 * checking is done by parse-query, which knows the schema; these only describe.
 */
import { z } from "@hono/zod-openapi";
import { ID_ENCODING_DOC } from "../model/id-codec";
import type { ResourceModel } from "../model/resource-model";
import { FilterOperators } from "./openapi-shared";

const deep = { style: "deepObject" as const, explode: true };

const FILTER_DOC = "filter[Attr]=v is equality (a comma list means `in`); filter[Attr][op]=v with op in eq, ne, "
  + "lt, le, gt, ge, in, notin, like, ilike, null, notnull; filter[Rel.Attr]=v filters on a related resource "
  + "(to-one: the parent matches; to-many: some child matches); filter[or][0][Attr]=v&filter[or][1][Attr]=w "
  + "ORs the numbered groups (each group ANDs its conditions). All top-level conditions are AND'ed. "
  + "`ne` and `notin` also match NULL.";

const PAGE_DOC = "page[offset] and page[limit] (default 50, max 1000) page by position; page[after]=<cursor> pages by "
  + "keyset (send page[after]= empty for the first page; links.next carries the next cursor). Not both.";

export function idParams(resource: ResourceModel) {
  return z.object({ id: z.string().openapi({ param: { description: `${resource.type} id. ${ID_ENCODING_DOC}` } }) });
}

export function documentQuery() {
  return z.object({
    include: z.string().optional().openapi({ param: { description: "comma-separated relationship paths, e.g. OrderList.OrderDetailList" } }),
    fields: z.record(z.string(), z.string()).optional().openapi({ param: { ...deep, description: "fields[Type]=a,b: sparse fieldsets" } }),
  });
}

export function collectionQuery(resource: ResourceModel) {
  const byAttribute = Object.fromEntries(resource.attributes.filter((a) => a.kind !== "json")
    .map((a) => [a.name, z.union([z.string(), FilterOperators]).optional()]));
  const filter = z.object({
    ...byAttribute,
    or: z.record(z.string(), z.record(z.string(), z.union([z.string(), FilterOperators]))).optional(),
  }).openapi(`${resource.type}Filter`);
  return documentQuery().extend({
    filter: filter.optional().openapi({ param: { ...deep, description: FILTER_DOC } }),
    sort: z.string().optional().openapi({ param: { description: "comma-separated attributes, `-` for descending, e.g. -Balance,CompanyName" } }),
    page: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000), after: z.string() }).partial()
      .optional().openapi({ param: { ...deep, description: PAGE_DOC } }),
  });
}

export const ifMatchHeaders = z.object({
  "if-match": z.string().optional().openapi({ param: { description: "\"<version>\" from ETag or meta.checksum; 412 when stale" } }),
});

export const ifNoneMatchHeaders = z.object({
  "if-none-match": z.string().optional().openapi({ param: { description: "\"<version>\": 304 when unchanged" } }),
});
