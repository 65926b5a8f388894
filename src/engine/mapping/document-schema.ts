/**
 * The zod schema of a mapping's inbound document, derived from the mapped
 * columns' types, so validation and the OpenAPI description come from the mapping.
 * Numeric bounds (e.g. read off the rule spec's constraints) narrow a number field.
 */
import { z } from "@hono/zod-openapi";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Mapping } from "./mapping";

const NUMERIC_STRING = /^-?\d+(\.\d+)?$/;

/** Limits on a numeric column's values: greater than, at least, less than, at most. */
export interface NumberBounds { gt?: number; gte?: number; lt?: number; lte?: number }

export interface DocumentSchemaOptions {
  /** Bounds per column; a document value outside them fails validation at its pointer. */
  bounds?: ReadonlyMap<PgColumn, NumberBounds>;
}

function bounded(schema: z.ZodNumber, b: NumberBounds | undefined): z.ZodNumber {
  let s = schema;
  if (b?.gt !== undefined) s = s.gt(b.gt);
  if (b?.gte !== undefined) s = s.gte(b.gte);
  if (b?.lt !== undefined) s = s.lt(b.lt);
  if (b?.lte !== undefined) s = s.lte(b.lte);
  return s;
}

export function columnSchema(column: PgColumn, bounds?: NumberBounds): z.ZodType {
  if (column.columnType === "PgNumeric") {
    const text = z.string().regex(NUMERIC_STRING, "must be a decimal number");
    const inBounds = (v: string) => bounded(z.number(), bounds).safeParse(Number(v)).success;
    return z.union([bounded(z.number(), bounds), bounds ? text.refine(inBounds, "out of range") : text]);
  }
  switch (column.dataType) {
    case "number": return bounded(column.columnType.includes("Integer") || column.columnType.includes("Serial")
      ? z.number().int() : z.number(), bounds);
    case "boolean": return z.boolean();
    case "string": return column.columnType === "PgDateString" ? z.iso.date() : z.string().min(1);
    default: return z.unknown();
  }
}

export function documentSchema(mapping: Mapping, opts: DocumentSchemaOptions = {}): z.ZodObject {
  const schemaOf = (column: PgColumn) => columnSchema(column, opts.bounds?.get(column));
  const shape: Record<string, z.ZodType> = {};
  for (const entry of mapping.entries) {
    switch (entry.kind) {
      case "field":
        if (entry.outboundOnly) break;
        shape[entry.key] = entry.optional ? schemaOf(entry.column).optional() : schemaOf(entry.column);
        break;
      case "lookup":
        for (const [key, column] of Object.entries(entry.by)) shape[key] = schemaOf(column);
        break;
      case "children":
        shape[entry.key] = z.array(documentSchema(entry.mapping, opts)).min(1).max(entry.maxItems);
        break;
    }
  }
  const object = z.object(shape);
  return mapping.unknownKeys === "ignore" ? object.strip() : object.strict();
}
