/**
 * Turns drizzle columns into attribute models. The value kind decides how a
 * query-string value is parsed and how a database value becomes JSON; an unknown
 * column type becomes `other` (compared as text), never silently dropped.
 */
import { getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { AttributeModel, ValueKind } from "./resource-model";

const KIND_BY_COLUMN_TYPE: Record<string, ValueKind> = {
  PgText: "text", PgVarchar: "text", PgChar: "text", PgCustomColumn: "other",
  PgInteger: "integer", PgSerial: "integer", PgSmallInt: "integer", PgSmallSerial: "integer",
  PgBigInt53: "integer", PgBigSerial53: "integer", PgBigInt64: "bigint", PgBigSerial64: "bigint",
  PgNumeric: "numeric", PgNumericNumber: "numeric", PgNumericBigInt: "bigint",
  PgReal: "float", PgDoublePrecision: "float",
  PgBoolean: "boolean",
  PgDate: "date", PgDateString: "date",
  PgTimestamp: "timestamp", PgTimestampString: "timestamp",
  PgTime: "time",
  PgJson: "json", PgJsonb: "json",
  PgUUID: "uuid",
};

/** serial types are not types in casts; their storage types are. */
const CAST_TYPE: Record<string, string> = { serial: "integer", smallserial: "smallint", bigserial: "bigint" };

export function valueKind(column: PgColumn): ValueKind {
  return KIND_BY_COLUMN_TYPE[column.columnType] ?? "other";
}

/** Attributes in declaration order, keyed by their drizzle property names. */
export function attributesOf(table: PgTable): AttributeModel[] {
  const config = getTableConfig(table);
  const compositeKey = new Set(config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)));
  return Object.entries(getTableColumns(table) as Record<string, PgColumn>).map(([name, column]) => ({
      name,
      column: column.name,
      kind: valueKind(column),
      sqlType: CAST_TYPE[column.getSQLType()] ?? column.getSQLType(),
      notNull: column.notNull,
      hasDefault: column.hasDefault,
      primaryKey: column.primary || compositeKey.has(column.name),
      drizzle: column,
    }));
}
