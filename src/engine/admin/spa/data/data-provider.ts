/**
 * react-admin's DataProvider over the engine's JSON:API: lists with filters,
 * sort, page[offset]/page[limit] and meta.count; includes returned to react-admin
 * as `meta.prefetched` (no extra requests for parent names); child tabs through
 * the related endpoint; writes guarded by If-Match; errors mapped by errors.ts.
 */
import type { DataProvider } from "react-admin";
import type { AdminModel, AdminResource } from "../../model/admin-model";
import { resourceFor, type Access } from "./access";
import { toHttpError } from "./errors";
import { JSON_API, type FetchLike, type JsonApiDocument, type JsonApiResource } from "./json-api";
import { listQuery, queryText, type ListParams } from "./query";
import { changedAttributes, createAttributes, idSegment, toRecord, VERSION, type AdminRecord } from "./records";

export interface DataProviderOptions {
  model: AdminModel;
  /** Adds the bearer token (auth-provider.ts); tests pass the in-process app. */
  fetch: FetchLike;
  /**
   * The signed-in user's access (access.ts): lists then search only attributes the role may read.
   * Without it every configured attribute is searched and the API decides.
   */
  access?: () => Promise<Access>;
}

type Id = string | number;
interface Page { pagination?: { page: number; perPage: number }; sort?: { field: string; order: string };
  filter?: Record<string, unknown>; meta?: { prefetch?: string[]; relationship?: string; parent?: string } }

/** `include` names the API understands: the resource's one-column references. */
function prefetchable(resource: AdminResource, names: readonly string[] | undefined): string[] {
  const relationships = new Set(resource.fields.flatMap((f) => (f.reference ? [f.reference.relationship] : [])));
  return (names ?? []).filter((n) => relationships.has(n));
}

export function createJsonApiDataProvider(opts: DataProviderOptions): DataProvider {
  const byType = new Map(opts.model.resources.map((r) => [r.type, r]));
  const base = opts.model.apiBase;
  const resourceOf = (type: string): AdminResource => {
    const found = byType.get(type);
    if (!found) throw new Error(`the admin config has no resource ${type}`);
    return found;
  };

  async function send(resource: AdminResource, path: string, init: RequestInit = {}): Promise<JsonApiDocument> {
    const headers = new Headers(init.headers);
    headers.set("accept", JSON_API);
    if (init.body !== undefined) headers.set("content-type", JSON_API);
    const response = await opts.fetch(`${base}${path}`, { ...init, headers });
    const text = await response.text();
    let document: JsonApiDocument | undefined;
    try { document = text ? (JSON.parse(text) as JsonApiDocument) : undefined; } catch { document = undefined; }
    if (!response.ok) throw toHttpError(response.status, document, resource.singular.toLowerCase());
    return document ?? {};
  }

  const many = (resource: AdminResource, doc: JsonApiDocument): AdminRecord[] =>
    (Array.isArray(doc.data) ? doc.data : []).map((o) => toRecord(resource, o));
  const one = (resource: AdminResource, doc: JsonApiDocument): AdminRecord => {
    if (!doc.data || Array.isArray(doc.data)) throw toHttpError(404, undefined, resource.singular);
    return toRecord(resource, doc.data);
  };

  /** Included resources grouped by type, shaped as react-admin's prefetched cache. */
  function prefetched(doc: JsonApiDocument): Record<string, AdminRecord[]> | undefined {
    if (!doc.included?.length) return undefined;
    const groups: Record<string, AdminRecord[]> = {};
    for (const o of doc.included as JsonApiResource[]) (groups[o.type] ??= []).push(toRecord(byType.get(o.type), o));
    return groups;
  }

  async function list(resource: AdminResource, path: string, params: Page) {
    const query: ListParams = { pagination: params.pagination, sort: params.sort, filter: params.filter,
      include: prefetchable(resource, params.meta?.prefetch) };
    // The search box looks only in attributes the role may read: a filter on another is refused.
    const searched = opts.access ? resourceFor(resource, await opts.access().catch(() => null)) : resource;
    const doc = await send(resource, `${path}${queryText(listQuery(searched, query))}`);
    const cache = prefetched(doc);
    return { data: many(resource, doc), total: doc.meta?.count ?? 0, ...(cache ? { meta: { prefetched: cache } } : {}) };
  }

  async function getOne(type: string, params: { id: Id; meta?: { prefetch?: string[] } }) {
    const resource = resourceOf(type);
    const include = prefetchable(resource, params.meta?.prefetch);
    const doc = await send(resource, `/${type}/${idSegment(params.id)}${include.length ? `?include=${include.join(",")}` : ""}`);
    const cache = prefetched(doc);
    return { data: one(resource, doc), ...(cache ? { meta: { prefetched: cache } } : {}) };
  }

  async function getMany(type: string, params: { ids: Id[] }) {
    const resource = resourceOf(type);
    const ids = [...new Set(params.ids.map(String))];
    if (ids.length === 0) return { data: [] };
    const [key] = resource.key.attributes;
    // Commas separate `in` values: ids containing one (composite keys) are read one by one.
    if (resource.key.attributes.length !== 1 || ids.some((id) => id.includes(","))) {
      return { data: (await Promise.all(ids.map((id) => getOne(type, { id })))).map((r) => r.data) };
    }
    const doc = await send(resource, `/${type}${queryText(new URLSearchParams({ [`filter[${key}][in]`]: ids.join(","),
      "page[limit]": String(Math.max(ids.length, 1)) }))}`);
    return { data: many(resource, doc) };
  }

  async function update(type: string, params: { id: Id; data: Record<string, unknown>; previousData: Record<string, unknown> }) {
    const resource = resourceOf(type);
    // The version the form was opened with, not a newer one fetched since: that is what makes a stale save a 412.
    const version = (params.data[VERSION] ?? params.previousData[VERSION]) as string | undefined;
    const attributes = changedAttributes(resource, params.data, params.previousData);
    const doc = await send(resource, `/${type}/${idSegment(params.id)}`, {
      method: "PATCH", headers: version ? { "if-match": `"${version}"` } : {},
      body: JSON.stringify({ data: { type, id: String(params.id), attributes } }),
    });
    return { data: one(resource, doc) };
  }

  async function remove(type: string, params: { id: Id; previousData?: Record<string, unknown> }) {
    const resource = resourceOf(type);
    const version = params.previousData?.[VERSION] as string | undefined;
    await send(resource, `/${type}/${idSegment(params.id)}`, { method: "DELETE", headers: version ? { "if-match": `"${version}"` } : {} });
    return { data: (params.previousData ?? { id: params.id }) as AdminRecord };
  }

  const provider = {
    getList: (type: string, params: Page) => list(resourceOf(type), `/${type}`, params),
    getOne,
    getMany,
    getManyReference(type: string, params: Page & { target: string; id: Id }) {
      const resource = resourceOf(type);
      const { relationship, parent } = params.meta ?? {};
      // Child tabs read the related endpoint, which also handles composite foreign keys.
      if (relationship && parent) return list(resource, `/${parent}/${idSegment(params.id)}/${relationship}`, params);
      return list(resource, `/${type}`, { ...params, filter: { ...params.filter, [params.target]: params.id } });
    },
    async create(type: string, params: { data: Record<string, unknown> }) {
      const resource = resourceOf(type);
      const attributes = createAttributes(resource, params.data);
      const id = !resource.key.generated && resource.key.attributes.length === 1 ? attributes[resource.key.attributes[0]!] : undefined;
      const doc = await send(resource, `/${type}`, { method: "POST",
        body: JSON.stringify({ data: { type, ...(id !== undefined ? { id: String(id) } : {}), attributes } }) });
      return { data: one(resource, doc) };
    },
    update,
    async updateMany(type: string, params: { ids: Id[]; data: Record<string, unknown> }) {
      for (const id of params.ids) {
        const { data } = await getOne(type, { id });
        await update(type, { id, data: { ...data, ...params.data, [VERSION]: data[VERSION] }, previousData: data });
      }
      return { data: params.ids };
    },
    delete: remove,
    async deleteMany(type: string, params: { ids: Id[] }) {
      for (const id of params.ids) await remove(type, { id });
      return { data: params.ids };
    },
  };
  // react-admin types each method generically over the record type; this provider returns AdminRecord.
  return provider as unknown as DataProvider;
}
