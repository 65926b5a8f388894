/**
 * Loads CSV files into drizzle tables. Headers match a column by TypeScript key,
 * ignoring case and underscores, unless the caller renames them. Self-references
 * are filled in a second pass so row order never breaks a foreign key.
 */
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { getTableColumns, sql as rawSql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { readFileSync } from "node:fs";
import { parseCsv, type CsvRecord } from "./csv";
import { quoteIdent } from "../sql/quote";

export interface CsvTableLoad {
  table: PgTable;
  file: string;
  /** CSV header → TypeScript column key, where the generic match is not enough. */
  rename?: Record<string, string>;
  /** Adjusts each row after conversion (e.g. hashing a password). */
  transform?: (row: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

const BATCH = 500;

export async function loadCsvTable(db: PostgresJsDatabase, load: CsvTableLoad): Promise<number> {
  const records = parseCsv(readFileSync(load.file, "utf8"));
  const columns = getTableColumns(load.table);
  const selfRefKeys = selfReferencingKeys(load.table, columns);
  const rows = await Promise.all(records.map(async (r) => {
    const row = toRow(r, columns, load);
    return load.transform ? await load.transform(row) : row;
  }));
  const firstPass = rows.map((row) => ({ ...row, ...Object.fromEntries(selfRefKeys.map((k) => [k, null])) }));
  for (let i = 0; i < firstPass.length; i += BATCH) {
    await db.insert(load.table).values(firstPass.slice(i, i + BATCH) as never);
  }
  await fillSelfReferences(db, load.table, columns, rows, selfRefKeys);
  return rows.length;
}

/** Moves serial sequences past the ids the CSV supplied. */
export async function resetSequences(db: PostgresJsDatabase, table: PgTable): Promise<void> {
  const { name } = getTableConfig(table);
  for (const column of Object.values(getTableColumns(table))) {
    if (column.columnType !== "PgSerial") continue;
    await db.execute(rawSql`select setval(pg_get_serial_sequence(${quoteIdent(name)}, ${column.name}),
      greatest(coalesce((select max(${column}) from ${table}), 0), 1))`);
  }
}

function toRow(record: CsvRecord, columns: Record<string, PgColumn>, load: CsvTableLoad): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [header, value] of Object.entries(record)) {
    const key = load.rename?.[header] ?? matchColumnKey(header, columns);
    if (!key) throw new Error(`${load.file}: header "${header}" matches no column`);
    row[key] = convert(value, columns[key]!);
  }
  return row;
}

function matchColumnKey(header: string, columns: Record<string, PgColumn>): string | undefined {
  const norm = (s: string) => s.replaceAll("_", "").toLowerCase();
  return Object.keys(columns).find((k) => norm(k) === norm(header));
}

function convert(value: string | null, column: PgColumn): unknown {
  if (value === null) return null;
  switch (column.dataType) {
    case "boolean": return value === "1" || value.toLowerCase() === "true";
    case "number": return Number(value);
    default: return value;
  }
}

function selfReferencingKeys(table: PgTable, columns: Record<string, PgColumn>): string[] {
  const { foreignKeys } = getTableConfig(table);
  const keys: string[] = [];
  for (const fk of foreignKeys) {
    const ref = fk.reference();
    if (ref.foreignTable !== table) continue;
    for (const col of ref.columns) {
      const key = Object.entries(columns).find(([, c]) => c === col)?.[0];
      if (key) keys.push(key);
    }
  }
  return keys;
}

async function fillSelfReferences(db: PostgresJsDatabase, table: PgTable, columns: Record<string, PgColumn>,
  rows: Record<string, unknown>[], keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const pk = Object.entries(columns).find(([, c]) => c.primary);
  if (!pk) throw new Error(`${getTableConfig(table).name}: self-reference needs a single-column primary key`);
  const [pkKey, pkColumn] = pk;
  for (const row of rows) {
    const values = Object.fromEntries(keys.map((k) => [k, row[k]]).filter(([, v]) => v !== null && v !== undefined));
    if (Object.keys(values).length === 0) continue;
    await db.update(table).set(values as never).where(rawSql`${pkColumn} = ${row[pkKey]}`);
  }
}
