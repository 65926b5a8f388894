/**
 * What the signed-in user may do, from the API's GET /api/auth/me, answered in
 * react-admin's canAccess terms: list/show/export need select, create/clone
 * insert, edit update, delete delete; on `Type.Attribute`, `read` is whether the
 * role may see it, `write` whether an edit may change it and `create` whether a
 * new record may set it. A server without the route (404) allows everything.
 */
import type { AdminResource } from "../../model/admin-model";
import type { Permissions } from "../../../security/permissions";
import { ApiHttpError } from "./errors";
import type { FetchLike } from "./json-api";

/** The /api/auth/me document (the route's contract is src/engine/security/me.routes.ts). */
export interface MeDocument { sub: string; roles: string[]; role: string | null; permissions: Permissions }

/** null: the server tells no permissions, so the SPA offers everything and the API decides. */
export type Access = MeDocument | null;

type Operation = "select" | "insert" | "update" | "delete";
const OPERATION: Record<string, Operation> = {
  list: "select", show: "select", export: "select", create: "insert", clone: "insert", edit: "update", delete: "delete",
};

export function allows(access: Access, params: { action: string; resource: string }): boolean {
  if (!access) return true;
  const [type = "", attribute] = params.resource.split(".", 2);
  const p = access.permissions[type];
  if (!p) return false;
  if (attribute !== undefined) {
    const within = (list: string[] | undefined) => !list || list.includes(attribute);
    switch (params.action) {
      case "read": return p.select && within(p.readableAttributes);
      case "write": return p.update && within(p.updatableAttributes);
      case "create": return p.insert && within(p.insertableAttributes);
      default: return false;
    }
  }
  // Unknown actions are refused: a new react-admin action is then hidden until mapped here.
  const op = OPERATION[params.action];
  return op ? p[op] : false;
}

/**
 * The resource as a role sees it: only the fields it may read, searched and listed, so no page
 * shows, sorts or searches an attribute the API leaves out for that role.
 */
export function readableResource(resource: AdminResource, readable: (attribute: string) => boolean): AdminResource {
  const fields = resource.fields.filter((f) => f.key || readable(f.name));
  if (fields.length === resource.fields.length) return resource;
  return { ...resource, fields, search: resource.search.filter(readable),
    userKey: resource.userKey === "id" || readable(resource.userKey) ? resource.userKey : "id" };
}

/** readableResource by the access document (null: everything readable). */
export function resourceFor(resource: AdminResource, access: Access): AdminResource {
  return readableResource(resource, (name) => allows(access, { action: "read", resource: `${resource.type}.${name}` }));
}

/** Loads the document once per token: a new login loads it again. */
export function createAccessLoader(opts: { path: string; fetch: FetchLike; token: () => string | null }): () => Promise<Access> {
  let cached: { token: string; access: Promise<Access> } | undefined;
  const load = async (): Promise<Access> => {
    const response = await opts.fetch(opts.path, { headers: { accept: "application/json" } });
    if (response.status === 404) return null;
    if (!response.ok) throw new ApiHttpError(`permissions: HTTP ${response.status}`, response.status, {});
    return (await response.json()) as MeDocument;
  };
  return () => {
    const token = opts.token();
    if (!token) return Promise.reject(new ApiHttpError("not signed in", 401, {}));
    if (cached?.token !== token) {
      const access = load();
      cached = { token, access };
      // A failure is not kept: the next check asks again.
      access.catch(() => { if (cached?.access === access) cached = undefined; });
    }
    return cached.access;
  };
}
