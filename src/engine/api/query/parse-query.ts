/**
 * Stage 1 of the pipeline: the request's query string → a DocumentQuery (one
 * resource) or CollectionQuery (lists). All problems are collected and thrown
 * together as 400s, each naming its parameter in `source.parameter`.
 */
import { ApiError, ApiErrors } from "../../http/errors";
import type { ResourceModel, ResourceRegistry } from "../model/resource-model";
import { parseFilter } from "./parse-filter";
import { parseFields, parseInclude } from "./parse-include-fields";
import { parseParams } from "./parse-params";
import { parsePage, parseSort, type PageLimits } from "./parse-sort-page";
import type { CollectionQuery, DocumentQuery } from "./query-types";

function done<T>(value: T, errors: ApiError[]): T {
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new ApiErrors(errors);
  return value;
}

export function parseDocumentQuery(registry: ResourceRegistry, resource: ResourceModel, search: URLSearchParams): DocumentQuery {
  const errors: ApiError[] = [];
  const params = parseParams(search, ["include", "fields"], errors);
  return done({ include: parseInclude(registry, resource, params, errors), fields: parseFields(registry, params, errors) }, errors);
}

const COLLECTION_FAMILIES = ["include", "fields", "filter", "sort", "page"] as const;
/** Relationship (linkage) endpoints render identifiers only: no include, no fields. */
export const LINKAGE_FAMILIES = ["filter", "sort", "page"] as const;

export function parseCollectionQuery(registry: ResourceRegistry, resource: ResourceModel, search: URLSearchParams,
  limits: PageLimits, families: readonly string[] = COLLECTION_FAMILIES): CollectionQuery {
  const errors: ApiError[] = [];
  const params = parseParams(search, families, errors);
  const sort = parseSort(resource, params, errors);
  return done({
    include: parseInclude(registry, resource, params, errors),
    fields: parseFields(registry, params, errors),
    filter: parseFilter(registry, resource, params, errors),
    sort,
    page: parsePage(sort, params, limits, errors),
  }, errors);
}
