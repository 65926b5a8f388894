/**
 * Reads what the compiler needs from drizzle tables: SQL names, TS keys, type
 * families, primary keys and foreign keys (getTableConfig). Everything returned
 * is plain frozen data, so later stages never touch drizzle objects.
 */
import { getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { sqlTypeOfColumnType, type AnyColumn, type SqlType } from "./types";

export interface ColumnRef {
  readonly table: string;
  /** Postgres name (snake_case). */
  readonly name: string;
  /** TypeScript key in the drizzle table (Northwind name), used in messages and diagnostics. */
  readonly key: string;
  readonly type: SqlType;
  /** Postgres type as declared, e.g. `numeric(14, 2)` or `integer`. */
  readonly pgType: string;
}

export interface TableInfo {
  readonly name: string;
  readonly schema: string | undefined;
  readonly pk: readonly ColumnRef[];
  readonly byKey: ReadonlyMap<string, ColumnRef>;
}

export interface ForeignKeyRef {
  readonly name: string;
  readonly child: string;
  readonly parent: string;
  readonly columns: readonly ColumnRef[];
  readonly parentColumns: readonly ColumnRef[];
}

export interface Catalog {
  table(table: PgTable): TableInfo;
  column(column: AnyColumn): ColumnRef;
  /** Foreign keys from `child` (to `parent` when given), in declaration order. */
  foreignKeys(child: PgTable, parent?: PgTable): readonly ForeignKeyRef[];
}

export function createCatalog(): Catalog {
  const tables = new Map<PgTable, TableInfo>();
  const table = (t: PgTable): TableInfo => {
    const known = tables.get(t);
    if (known) return known;
    const made = describeTable(t);
    tables.set(t, made);
    return made;
  };
  // By table and SQL name, not object identity: drizzle hands foreign keys declared
  // in a table's extra config other column instances than the table's own.
  const column = (c: AnyColumn): ColumnRef => {
    const ref = [...table(c.table).byKey.values()].find((x) => x.name === c.name);
    if (!ref) throw new Error(`column ${c.name} is not a column of its table`);
    return ref;
  };
  const foreignKeys = (child: PgTable, parent?: PgTable): ForeignKeyRef[] => getTableConfig(child).foreignKeys
    .map((fk) => ({ fk, ref: fk.reference() }))
    .filter(({ ref }) => parent === undefined || ref.foreignTable === parent)
    .map(({ fk, ref }) => Object.freeze({
      name: fk.getName(),
      child: table(child).name,
      parent: table(ref.foreignTable).name,
      columns: Object.freeze(ref.columns.map(column)),
      parentColumns: Object.freeze(ref.foreignColumns.map(column)),
    }));
  return { table, column, foreignKeys };
}

function describeTable(table: PgTable): TableInfo {
  const config = getTableConfig(table);
  const byKey = new Map<string, ColumnRef>();
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const ref = Object.freeze({
      table: config.name, name: column.name, key, type: sqlTypeOfColumnType(column.columnType), pgType: column.getSQLType(),
    });
    byKey.set(key, ref);
  }
  const byName = (name: string) => [...byKey.values()].find((c) => c.name === name);
  const pkNames = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  const pk = pkNames.map(byName).filter((c): c is ColumnRef => c !== undefined);
  return Object.freeze({ name: config.name, schema: config.schema, pk: Object.freeze(pk), byKey });
}
