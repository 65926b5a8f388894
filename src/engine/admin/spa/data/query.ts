/**
 * react-admin list parameters → JSON:API query strings: page[offset]/page[limit],
 * sort (`id` means the primary key), include, and filters. Filter keys: `q` is
 * the search box (OR over the resource's search attributes), `Attr` is equality
 * (a list means `in`, null means `null`), `Attr@op` any engine operator.
 */
import type { AdminResource } from "../../model/admin-model";

export interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: string };
  filter?: Record<string, unknown>;
  include?: readonly string[];
}

/** `%` and `_` typed by a user are literal characters, not patterns. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function searchFilters(resource: AdminResource, q: string, out: URLSearchParams): void {
  const kinds = new Map(resource.fields.map((f) => [f.name, f.kind]));
  let group = 0;
  for (const name of resource.search) {
    const kind = kinds.get(name);
    if (kind === "integer") {
      if (/^-?\d{1,9}$/.test(q)) out.set(`filter[or][${group++}][${name}][eq]`, q);
    } else out.set(`filter[or][${group++}][${name}][ilike]`, likePattern(q));
  }
  // Nothing can match (e.g. letters typed where only numbers are searched): an always-false filter.
  if (group === 0 && resource.key.attributes[0]) out.set(`filter[${resource.key.attributes[0]}][null]`, "");
}

function filters(resource: AdminResource, filter: Record<string, unknown>, out: URLSearchParams): void {
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === "") continue;
    if (key === "q") { searchFilters(resource, String(value).trim(), out); continue; }
    const [name, op] = key === "id" ? [resource.key.attributes[0] ?? "id", undefined] : key.split("@", 2) as [string, string?];
    if (op) out.set(`filter[${name}][${op}]`, text(value));
    else if (value === null) out.set(`filter[${name}][null]`, "");
    else if (Array.isArray(value)) out.set(`filter[${name}][in]`, value.map(text).join(","));
    else out.set(`filter[${name}][eq]`, text(value));
  }
}

function sortParam(resource: AdminResource, field: string, order: string): string {
  const names = field === "id" ? resource.key.attributes : [field];
  return names.map((n) => (order.toUpperCase() === "DESC" ? `-${n}` : n)).join(",");
}

export function listQuery(resource: AdminResource, params: ListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.pagination) {
    const { page, perPage } = params.pagination;
    out.set("page[offset]", String(Math.max(0, (page - 1) * perPage)));
    out.set("page[limit]", String(perPage));
  }
  if (params.sort?.field) out.set("sort", sortParam(resource, params.sort.field, params.sort.order));
  if (params.filter) filters(resource, params.filter, out);
  if (params.include?.length) out.set("include", params.include.join(","));
  return out;
}

/** Renders a query without percent-encoding brackets and commas, for readable URLs. */
export function queryText(params: URLSearchParams): string {
  const text = params.toString().replaceAll("%5B", "[").replaceAll("%5D", "]").replaceAll("%2C", ",");
  return text ? `?${text}` : "";
}
