/**
 * A declarative mapping between a partner-shaped JSON document and table rows:
 * renamed fields, parent lookups by natural key, nested child lists and constants.
 * One mapping serves both directions (document → rows, rows → document).
 */
import { getTableColumns, type Table } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";

/** A document key mapped to a column of the mapped table. */
export interface FieldMap {
  kind: "field";
  key: string;
  column: PgColumn;
  /** Inbound: the document may omit it. Outbound fields are always written. */
  optional?: boolean;
  /** Outbound only (e.g. a derived total): ignored when reading a document. */
  outboundOnly?: boolean;
}

/** Document keys that identify a parent row by natural key; sets the foreign key. */
export interface LookupMap {
  kind: "lookup";
  parent: PgTable;
  /** The foreign-key column on the mapped table that receives the parent's key. */
  foreignKey: PgColumn;
  /** The parent column that the foreign key references (usually its primary key). */
  parentKey: PgColumn;
  /** Document key → parent column, e.g. { Surname: Employee.LastName, Given: Employee.FirstName }. */
  by: Record<string, PgColumn>;
  /** Outbound: extra parent columns merged into this object, e.g. { UnitsInStock: Product.UnitsInStock }. */
  include?: Record<string, PgColumn>;
  /** How messages name the parent, e.g. "Product". */
  parentName: string;
}

/** A nested list of child rows under a document key. */
export interface ChildMap {
  kind: "children";
  key: string;
  /** The child's foreign key to the mapped table's primary key. */
  foreignKey: PgColumn;
  mapping: Mapping;
  /** Inbound: the most child objects one document may hold; a longer list is refused before any lookup. */
  maxItems: number;
}

/** Enough for any real order, and small enough that a refusal costs milliseconds, not a 10,000-row transaction. */
export const DEFAULT_MAX_ITEMS = 500;

export type MapEntry = FieldMap | LookupMap | ChildMap;

export interface Mapping {
  name: string;
  table: PgTable;
  entries: readonly MapEntry[];
  /** Inbound: column values set on every row this mapping inserts (e.g. Ready = true). */
  constants?: Partial<Record<string, unknown>>;
  /** Inbound: what to do with document keys the mapping does not name. */
  unknownKeys?: "reject" | "ignore";
}

export const field = (key: string, column: PgColumn, opts: { optional?: boolean; outboundOnly?: boolean } = {}): FieldMap =>
  ({ kind: "field", key, column, ...opts });

export function lookup(parent: PgTable, foreignKey: PgColumn, by: Record<string, PgColumn>,
  opts: { parentKey?: PgColumn; include?: Record<string, PgColumn>; parentName?: string } = {}): LookupMap {
  return {
    kind: "lookup", parent, foreignKey, by, include: opts.include,
    parentKey: opts.parentKey ?? primaryKeyOf(parent),
    parentName: opts.parentName ?? pascalCase(tableName(parent)),
  };
}

function pascalCase(sqlName: string): string {
  return sqlName.split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

export const children = (key: string, foreignKey: PgColumn, mapping: Mapping,
  opts: { maxItems?: number } = {}): ChildMap =>
  ({ kind: "children", key, foreignKey, mapping, maxItems: opts.maxItems ?? DEFAULT_MAX_ITEMS });

export function defineMapping(mapping: Mapping): Mapping {
  return Object.freeze({ ...mapping, entries: Object.freeze([...mapping.entries]) });
}

export function tableName(table: Table): string {
  return getTableConfig(table as PgTable).name;
}

/** The TypeScript key under which a column is declared on its table. */
export function columnKey(table: Table, column: PgColumn): string {
  const found = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!found) throw new Error(`column ${column.name} is not a column of ${tableName(table)}`);
  return found[0];
}

export function primaryKeyOf(table: PgTable): PgColumn {
  const pk = Object.values(getTableColumns(table)).filter((c) => c.primary);
  if (pk.length !== 1 || !pk[0]) throw new Error(`${tableName(table)}: mappings need a single-column primary key`);
  return pk[0] as PgColumn;
}
