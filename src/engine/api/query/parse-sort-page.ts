/**
 * `sort=-Balance,CompanyName` and `page[offset|limit|after]`. The primary key
 * is always appended to the sort so the order is total (needed by both paging
 * styles). `page[after]` (keyset; empty = first page) and `page[offset]` exclude each other.
 */
import type { ApiError } from "../../http/errors";
import type { ResourceModel } from "../model/resource-model";
import { decodeCursor } from "./cursor";
import { badParameter, type RawParam } from "./parse-params";
import type { Page, SortKey } from "./query-types";

export interface PageLimits { readonly defaultLimit: number; readonly maxLimit: number }

export function parseSort(resource: ResourceModel, params: readonly RawParam[], errors: ApiError[]): SortKey[] {
  const keys: SortKey[] = [];
  const param = params.find((p) => p.family === "sort");
  if (param && param.path.length > 0) errors.push(badParameter(param.name, "sort takes no brackets: sort=-Attr,Attr"));
  else if (param) {
    for (const item of param.value.split(",")) {
      const desc = item.startsWith("-");
      const name = desc ? item.slice(1) : item;
      const attribute = resource.attribute.get(name);
      if (!attribute) { errors.push(badParameter("sort", `${resource.type} has no attribute ${JSON.stringify(name)} to sort by`)); continue; }
      if (attribute.kind === "json") { errors.push(badParameter("sort", `${name} is JSON and cannot be sorted`)); continue; }
      if (keys.some((k) => k.attribute === attribute)) { errors.push(badParameter("sort", `${name} appears twice`)); continue; }
      keys.push({ attribute, direction: desc ? "desc" : "asc" });
    }
  }
  for (const attribute of resource.primaryKey) {
    if (!keys.some((k) => k.attribute === attribute)) keys.push({ attribute, direction: "asc" });
  }
  return keys;
}

function integer(param: RawParam, min: number, max: number, errors: ApiError[]): number | undefined {
  const n = /^\d{1,9}$/.test(param.value) ? Number(param.value) : Number.NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  errors.push(badParameter(param.name, `${param.name} must be an integer from ${min} to ${max}`));
  return undefined;
}

export function parsePage(sort: readonly SortKey[], params: readonly RawParam[], limits: PageLimits, errors: ApiError[]): Page {
  let limit = limits.defaultLimit;
  let offset = 0;
  let after: RawParam | undefined;
  for (const param of params.filter((p) => p.family === "page")) {
    const key = param.path.length === 1 ? param.path[0] : undefined;
    if (key === "limit") limit = integer(param, 1, limits.maxLimit, errors) ?? limit;
    else if (key === "offset") offset = integer(param, 0, 1_000_000_000, errors) ?? 0;
    else if (key === "after") after = param;
    else errors.push(badParameter(param.name, "page parameters are page[offset], page[limit] and page[after]"));
  }
  if (!after) return { kind: "offset", offset, limit };
  if (params.some((p) => p.name === "page[offset]")) {
    errors.push(badParameter("page[after]", "page[after] and page[offset] cannot be combined"));
  }
  if (after.value === "") return { kind: "keyset", after: [], limit };
  const decoded = decodeCursor(sort, after.value);
  if (!decoded.ok) { errors.push(badParameter("page[after]", decoded.reason)); return { kind: "offset", offset, limit }; }
  return { kind: "keyset", after: decoded.values, limit };
}
