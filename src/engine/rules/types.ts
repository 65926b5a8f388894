/**
 * Type-level view of drizzle columns for the rule spec: which SQL type family a
 * column belongs to and which table it lives on, so a rule that sums a text
 * column or filters a child by a parent's column fails to compile.
 */
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/** The type families the rule compiler reasons about; "other" is opaque (json, arrays…). */
export type SqlType = "numeric" | "boolean" | "text" | "date" | "other";

/** drizzle columnType names per family; used both at type level and at run time. */
export const COLUMN_TYPES = {
  numeric: ["PgNumeric", "PgNumericNumber", "PgNumericBigInt", "PgInteger", "PgSerial", "PgSmallInt",
    "PgSmallSerial", "PgBigInt53", "PgBigInt64", "PgBigSerial53", "PgBigSerial64", "PgReal", "PgDoublePrecision"],
  boolean: ["PgBoolean"],
  text: ["PgText", "PgVarchar", "PgChar", "PgUUID", "PgEnumColumn"],
  date: ["PgDate", "PgDateString", "PgTimestamp", "PgTimestampString", "PgTime", "PgInterval"],
} as const satisfies Record<Exclude<SqlType, "other">, readonly string[]>;

type ColumnTypesOf<T extends SqlType> = T extends keyof typeof COLUMN_TYPES ? (typeof COLUMN_TYPES)[T][number] : string;

// Loose on purpose: drizzle's concrete column classes must stay assignable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyColumn = PgColumn<any, any, any>;

/** A column of family `T` on table `S`. */
export type TypedColumn<T extends SqlType, S extends string = string> =
  AnyColumn & { readonly _: { readonly columnType: ColumnTypesOf<T>; readonly tableName: S } };

export type NumericColumn<S extends string = string> = TypedColumn<"numeric", S>;
export type ColumnOf<S extends string> = AnyColumn & { readonly _: { readonly tableName: S } };
export type TableNamed<S extends string> = PgTable & { readonly _: { readonly name: S } };

/** The family of a column type, computed from drizzle's columnType literal. */
export type SqlTypeOfColumn<C> = C extends { readonly _: { readonly columnType: infer K } }
  ? K extends ColumnTypesOf<"numeric"> ? "numeric"
  : K extends ColumnTypesOf<"boolean"> ? "boolean"
  : K extends ColumnTypesOf<"text"> ? "text"
  : K extends ColumnTypesOf<"date"> ? "date" : "other"
  : never;

export function sqlTypeOfColumnType(columnType: string): SqlType {
  for (const [family, names] of Object.entries(COLUMN_TYPES) as [Exclude<SqlType, "other">, readonly string[]][]) {
    if (names.includes(columnType)) return family;
  }
  return "other";
}
