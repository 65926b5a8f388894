/**
 * Grants declared in TypeScript: which application roles map to which Postgres
 * role, and per role and table which operations, with an optional row filter
 * over columns and JWT claims. Compiled to GRANTs and row-level-security policies.
 */
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";

export type Operation = "select" | "insert" | "update" | "delete";
export const ALL_OPERATIONS: readonly Operation[] = ["select", "insert", "update", "delete"];

/** A row filter: always true, a column equal to a claim, or a filter on the row's parent. */
export type RowFilter =
  | { kind: "all" }
  | { kind: "claimEquals"; column: PgColumn; claim: string }
  | { kind: "throughParent"; foreignKey: PgColumn; parent: PgTable; parentKey: PgColumn; filter: RowFilter }
  | { kind: "isNull"; column: PgColumn }
  | { kind: "allOf"; filters: readonly RowFilter[] };

export interface RoleSpec {
  /** Name used in grants, e.g. "customer". */
  name: string;
  /** The Postgres role requests of this kind run as (SET LOCAL ROLE). */
  dbRole: string;
  /** Application roles (in the JWT `roles` claim) that select this role; the first listed role spec wins. */
  appRoles: string[];
}

export interface Grant {
  role: string;
  tables: readonly PgTable[];
  operations: readonly Operation[];
  where: RowFilter;
  /** When set, UPDATE is granted on these columns only (column-level privilege). */
  updatableColumns?: readonly PgColumn[];
  /**
   * When set, SELECT is granted on these columns only: the others cannot be read, filtered
   * or sorted on by the role, in SQL or through the API, which leaves them out of every read.
   */
  readableColumns?: readonly PgColumn[];
  /** When set, INSERT may give these columns only; the others take their defaults. */
  insertableColumns?: readonly PgColumn[];
}

export interface GrantOptions {
  where?: RowFilter;
  updatableColumns?: readonly PgColumn[];
  readableColumns?: readonly PgColumn[];
  insertableColumns?: readonly PgColumn[];
}

export interface GrantSpec {
  roles: readonly RoleSpec[];
  /** Every table any grant names is put under row-level security. */
  grants: readonly Grant[];
}

export const all = (): RowFilter => ({ kind: "all" });
export const claimEquals = (column: PgColumn, claim: string): RowFilter => ({ kind: "claimEquals", column, claim });
export const throughParent = (foreignKey: PgColumn, parent: PgTable, parentKey: PgColumn, filter: RowFilter): RowFilter =>
  ({ kind: "throughParent", foreignKey, parent, parentKey, filter });
/** Rows whose `column` is null, e.g. an order not shipped yet. */
export const isNull = (column: PgColumn): RowFilter => ({ kind: "isNull", column });
/** Rows every filter admits. */
export const allOf = (...filters: RowFilter[]): RowFilter => ({ kind: "allOf", filters });

export function grant(role: string, tables: PgTable | readonly PgTable[], operations: readonly Operation[],
  opts: GrantOptions = {}): Grant {
  return { role, tables: Array.isArray(tables) ? tables : [tables as PgTable], operations,
    where: opts.where ?? all(), updatableColumns: opts.updatableColumns, readableColumns: opts.readableColumns,
    insertableColumns: opts.insertableColumns };
}

/** The columns an operation of the grant covers, when it covers some only; undefined = all. */
export function grantColumns(g: Grant, op: Operation): readonly PgColumn[] | undefined {
  switch (op) {
    case "select": return g.readableColumns;
    case "insert": return g.insertableColumns;
    case "update": return g.updatableColumns;
    case "delete": return undefined;
  }
}

export function defineGrants(spec: GrantSpec): GrantSpec {
  const names = new Set(spec.roles.map((r) => r.name));
  const seen = new Set<string>();
  for (const g of spec.grants) {
    if (!names.has(g.role)) throw new Error(`grant for unknown role "${g.role}"`);
    for (const table of g.tables) {
      for (const op of g.operations) {
        const key = `${g.role}/${getTableConfig(table).name}/${op}`;
        if (seen.has(key)) throw new Error(`two grants give ${g.role} ${op} on ${getTableConfig(table).name}`);
        seen.add(key);
      }
    }
  }
  return Object.freeze(spec);
}

/** The role a user acts as: the first role spec whose appRoles meet the user's roles. */
export function roleFor(spec: GrantSpec, appRoles: readonly string[]): RoleSpec | undefined {
  return spec.roles.find((r) => r.appRoles.some((a) => appRoles.includes(a)));
}
