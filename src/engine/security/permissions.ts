/**
 * What a grant role may do with each API resource, derived from the grant spec:
 * the operations its grants give on the resource's table and, when UPDATE is
 * limited to some columns, the attributes it may change. Clients (the admin app)
 * use it to offer only what the API would allow; the database still decides.
 */
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { ResourceModel, ResourceRegistry } from "../api";
import type { Grant, GrantSpec, Operation } from "./grants";

export type ResourcePermissions = Record<Operation, boolean> & {
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

function updatableAttributes(resource: ResourceModel, grant: Grant | undefined): string[] | undefined {
  if (!grant?.updatableColumns) return undefined;
  const columns = grant.updatableColumns;
  return resource.attributes.filter((a) => columns.some((c) => c === a.drizzle || c.name === a.column)).map((a) => a.name);
}

function permissionsOn(resource: ResourceModel, grants: readonly Grant[]): ResourcePermissions {
  const mine = grantsOn(resource, grants);
  const has = (op: Operation) => mine.some((g) => g.operations.includes(op));
  const columns = updatableAttributes(resource, mine.find((g) => g.operations.includes("update")));
  return { select: has("select"), insert: has("insert"), update: has("update"), delete: has("delete"),
    ...(columns ? { updatableAttributes: columns } : {}) };
}

/** The role's permissions per resource type; no role (null) may do nothing. */
export function permissionsFor(spec: GrantSpec, registry: ResourceRegistry, roleName: string | null | undefined): Permissions {
  const grants = roleName ? spec.grants.filter((g) => g.role === roleName) : [];
  return Object.fromEntries(registry.resources.map((r) => [r.type, permissionsOn(r, grants)]));
}
