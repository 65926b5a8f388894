/**
 * A tiny JSON:API client for tests: requests through `app.request` (no port),
 * parsed documents with just enough types, and helpers to read whole collections.
 */
export interface JsonApiApp {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

export interface Identifier { type: string; id: string }
export interface Relationship { links: { self: string; related: string }; data?: Identifier | Identifier[] | null }
export interface ResourceObject {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, Relationship>;
  links: { self: string };
  meta: { checksum: string };
}
export interface ErrorObject { status: string; code: string; detail?: string; source?: { pointer?: string; parameter?: string; header?: string } }
export interface Document {
  data?: ResourceObject | ResourceObject[] | Identifier | Identifier[] | null;
  included?: ResourceObject[];
  links?: Record<string, string | null>;
  meta?: { count?: number };
  errors?: ErrorObject[];
}

export interface Reply { status: number; headers: Headers; body: Document }

export const JSON_API = "application/vnd.api+json";

export async function call(app: JsonApiApp, method: string, path: string, body?: unknown,
  headers: Record<string, string> = {}): Promise<Reply> {
  const init: RequestInit = { method, headers: { ...(body !== undefined ? { "content-type": JSON_API } : {}), ...headers } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const res = await app.request(path, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) as Document : {} };
}

export const get = (app: JsonApiApp, path: string, headers?: Record<string, string>) => call(app, "GET", path, undefined, headers);

export function many(reply: Reply): ResourceObject[] {
  if (!Array.isArray(reply.body.data)) throw new Error(`expected a collection, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
  return reply.body.data as ResourceObject[];
}

export function one(reply: Reply): ResourceObject {
  const data = reply.body.data;
  if (!data || Array.isArray(data)) throw new Error(`expected one resource, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
  return data as ResourceObject;
}

export const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);

/** Follows links.next from `path` and returns every resource, in order. */
export async function followNext(app: JsonApiApp, path: string): Promise<{ items: ResourceObject[]; pages: Reply[] }> {
  const items: ResourceObject[] = [];
  const pages: Reply[] = [];
  let next: string | null | undefined = path;
  while (next) {
    const reply = await get(app, next);
    if (reply.status !== 200) throw new Error(`GET ${next}: ${reply.status} ${JSON.stringify(reply.body)}`);
    pages.push(reply);
    items.push(...many(reply));
    next = reply.body.links?.next;
    if (pages.length > 500) throw new Error("pagination does not end");
  }
  return { items, pages };
}

/** The error a 4xx reply carries first. */
export function firstError(reply: Reply): ErrorObject {
  const error = reply.body.errors?.[0];
  if (!error) throw new Error(`expected errors, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
  return error;
}

export function path(type: string, id?: string, rest = ""): string {
  return `/api/${type}${id === undefined ? "" : `/${encodeURIComponent(id)}`}${rest}`;
}
