/**
 * Inbound: writes a validated document as rows in the caller's transaction.
 * Lookups resolve natural keys to foreign keys; a missing or ambiguous parent
 * is a LOOKUP_FAILED error naming the document path and the value. Each insert
 * names only the columns the document gives (the rest take their defaults), so a
 * role granted INSERT on some columns only can still write it.
 */
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { ApiError } from "../http/errors";
import { columnKey, primaryKeyOf, tableName, type LookupMap, type Mapping } from "./mapping";

type Doc = Record<string, unknown>;
type Tx = Pick<PostgresJsDatabase, "select" | "execute">;

export interface InsertedRow { table: string; row: Record<string, unknown>; children: Record<string, InsertedRow[]> }

/** Inserts the document's root row and its children; returns what was written. */
export async function insertDocument(tx: Tx, mapping: Mapping, doc: Doc, path = "",
  parentLink?: { column: PgColumn; value: unknown }): Promise<InsertedRow> {
  const values: Record<string, unknown> = { ...mapping.constants };
  if (parentLink) values[columnKey(mapping.table, parentLink.column)] = parentLink.value;
  for (const entry of mapping.entries) {
    if (entry.kind === "field" && !entry.outboundOnly && doc[entry.key] !== undefined) {
      values[columnKey(mapping.table, entry.column)] = doc[entry.key];
    }
    if (entry.kind === "lookup") {
      values[columnKey(mapping.table, entry.foreignKey)] = await resolveLookup(tx, entry, doc, path);
    }
  }
  const row = await insertGiven(tx, mapping.table, values);
  if (!row) throw new Error(`${mapping.name}: insert into ${tableName(mapping.table)} returned no row`);
  const inserted: InsertedRow = { table: tableName(mapping.table), row, children: {} };
  const pkValue = (row as Record<string, unknown>)[columnKey(mapping.table, primaryKeyOf(mapping.table))];
  for (const entry of mapping.entries) {
    if (entry.kind !== "children") continue;
    const items = (doc[entry.key] as Doc[] | undefined) ?? [];
    inserted.children[entry.key] = [];
    for (const [i, item] of items.entries()) {
      inserted.children[entry.key]!.push(await insertDocument(tx, entry.mapping, item, `${path}${entry.key}[${i}].`,
        { column: entry.foreignKey, value: pkValue }));
    }
  }
  return inserted;
}

/**
 * `insert into t (given columns) values (…) returning` those columns and the key, under their
 * TypeScript keys. drizzle's insert would list every column (DEFAULT for the missing ones),
 * which needs INSERT on all of them.
 */
async function insertGiven(tx: Tx, table: PgTable, values: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const given = Object.entries(values).filter(([, v]) => v !== undefined).map(([key, v]) => [key, columns[key]!, v] as const);
  const pkKey = columnKey(table, primaryKeyOf(table));
  const returned = [...new Set([pkKey, ...given.map(([key]) => key)])].map((key) => [key, columns[key]!] as const);
  const list = (parts: Parameters<typeof sql.join>[0]) => sql.join(parts, sql`, `);
  const insert = given.length
    ? sql`(${list(given.map(([, c]) => sql.identifier(c.name)))}) values (${list(given.map(([, c, v]) => sql.param(v, c)))})`
    : sql`default values`;
  const rows = await tx.execute<Record<string, unknown>>(sql`insert into ${table} ${insert}
    returning ${list(returned.map(([key, c]) => sql`${sql.identifier(c.name)} as ${sql.identifier(key)}`))}`);
  const raw = rows[0];
  if (!raw) return undefined;
  return Object.fromEntries(returned.map(([key, c]) => [key, raw[key] === null ? null : c.mapFromDriverValue(raw[key])]));
}

async function resolveLookup(tx: Tx, lookup: LookupMap, doc: Doc, path: string): Promise<unknown> {
  const pairs = Object.entries(lookup.by);
  const conditions = pairs.map(([key, column]) => eq(column, doc[key]));
  const parentKeyName = columnKey(lookup.parent, lookup.parentKey);
  const rows = await tx.select({ key: lookup.parentKey }).from(lookup.parent).where(and(...conditions)).limit(2);
  if (rows.length === 1) return rows[0]!.key;
  const where = `${path}${pairs.map(([key]) => key).join("/")}`;
  const source = { pointer: toPointer(`${path}${pairs[0]?.[0] ?? ""}`) };
  const described = describeKey(lookup, doc);
  if (rows.length === 0) throw new ApiError("LOOKUP_FAILED", `${where}: no ${lookup.parentName} ${described}`, source);
  throw new ApiError("LOOKUP_FAILED",
    `${where}: more than one ${lookup.parentName} ${described}; the key must identify one (${parentKeyName})`, source);
}

/** `Items[1].ProductName` → `/Items/1/ProductName` (JSON Pointer into the document). */
function toPointer(path: string): string {
  return `/${path.replace(/\[(\d+)\]/g, "/$1").replaceAll(".", "/").replace(/\/+/g, "/")}`;
}

/** `named "Chai"` for a one-column name key, else `with LastName "X" and FirstName "Y"`. */
function describeKey(lookup: LookupMap, doc: Doc): string {
  const pairs = Object.entries(lookup.by);
  const columns = getTableColumns(lookup.parent);
  const label = (column: PgColumn) => Object.entries(columns).find(([, c]) => c === column)?.[0] ?? column.name;
  if (pairs.length === 1 && /name$/i.test(label(pairs[0]![1]))) return `named ${JSON.stringify(doc[pairs[0]![0]])}`;
  return `with ${pairs.map(([key, column]) => `${label(column)} ${JSON.stringify(doc[key])}`).join(" and ")}`;
}
