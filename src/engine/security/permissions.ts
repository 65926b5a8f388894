/**
 * What a grant role may do with each API resource, derived from the grant spec:
 * the operations its grants give on the resource's table and, when SELECT, INSERT
 * or UPDATE is limited to some columns, the attributes each covers. The JSON:API
 * engine reads and writes through it (roleAccess), clients (the admin app) use it
 * to offer only what the API would allow; the database still decides.
 */
import type { Context } from "hono";
import type { PgColumn } from "drizzle-orm/pg-core";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { ResourceModel, ResourceRegistry, RoleAccess } from "../api";
import type { AuthVariables } from "./bearer-auth";
import { grantColumns, roleFor, type Grant, type GrantSpec, type Operation } from "./grants";

export type ResourcePermissions = Record<Operation, boolean> & {
  /** Present when SELECT is granted on some columns only: the attributes the role may read. */
  readableAttributes?: string[];
  /** Present when INSERT is granted on some columns only: the attributes a create may set. */
  insertableAttributes?: string[];
  /** Present when UPDATE is granted on some columns only: the attributes it covers. */
  updatableAttributes?: string[];
};

/** Per resource type; every resource of the registry appears, allowed or not. */
export type Permissions = Record<string, ResourcePermissions>;

const qualified = (t: PgTable) => { const c = getTableConfig(t); return `${c.schema ?? "public"}.${c.name}`; };

function grantsOn(resource: ResourceModel, grants: readonly Grant[]): Grant[] {
  const name = qualified(resource.table);
  return grants.filter((g) => g.tables.some((t) => t === resource.table || qualified(t) === name));
}

function attributesOf(resource: ResourceModel, columns: readonly PgColumn[] | undefined): string[] | undefined {
  if (!columns) return undefined;
  return resource.attributes.filter((a) => columns.some((c) => c === a.drizzle || c.name === a.column)).map((a) => a.name);
}

function permissionsOn(resource: ResourceModel, grants: readonly Grant[]): ResourcePermissions {
  const mine = grantsOn(resource, grants);
  const has = (op: Operation) => mine.some((g) => g.operations.includes(op));
  // defineGrants allows one grant per role, table and operation, so `find` is the grant.
  const columns = (op: Operation) => {
    const g = mine.find((x) => x.operations.includes(op));
    return g ? attributesOf(resource, grantColumns(g, op)) : undefined;
  };
  const readable = columns("select");
  const insertable = columns("insert");
  const updatable = columns("update");
  return { select: has("select"), insert: has("insert"), update: has("update"), delete: has("delete"),
    ...(readable ? { readableAttributes: readable } : {}),
    ...(insertable ? { insertableAttributes: insertable } : {}),
    ...(updatable ? { updatableAttributes: updatable } : {}) };
}

/** The role's permissions per resource type; no role (null) may do nothing. */
export function permissionsFor(spec: GrantSpec, registry: ResourceRegistry, roleName: string | null | undefined): Permissions {
  const grants = roleName ? spec.grants.filter((g) => g.role === roleName) : [];
  return Object.fromEntries(registry.resources.map((r) => [r.type, permissionsOn(r, grants)]));
}

/**
 * For registerJsonApi's `access`: the request's role (from its principal) and that role's
 * permissions, computed once per role. No principal: undefined (the route is public).
 */
export function roleAccess(spec: GrantSpec, registry: ResourceRegistry): (c: Context) => RoleAccess | undefined {
  const byRole = new Map<string, RoleAccess>();
  return (c) => {
    const principal = (c.var as Partial<AuthVariables>).principal;
    if (!principal) return undefined;
    const role = roleFor(spec, principal.roles)?.name ?? "";
    let access = byRole.get(role);
    if (!access) byRole.set(role, access = { role, resources: permissionsFor(spec, registry, role || null) });
    return access;
  };
}
