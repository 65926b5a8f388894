/**
 * The zod schema of a mapping's inbound document, derived from the mapped
 * columns' types, so validation and the OpenAPI description come from the mapping.
 */
import { z } from "@hono/zod-openapi";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Mapping } from "./mapping";

const NUMERIC_STRING = /^-?\d+(\.\d+)?$/;

export function columnSchema(column: PgColumn): z.ZodType {
  if (column.columnType === "PgNumeric") {
    return z.union([z.number(), z.string().regex(NUMERIC_STRING, "must be a decimal number")]);
  }
  switch (column.dataType) {
    case "number": return column.columnType.includes("Integer") || column.columnType.includes("Serial")
      ? z.number().int() : z.number();
    case "boolean": return z.boolean();
    case "string": return column.columnType === "PgDateString" ? z.iso.date() : z.string().min(1);
    default: return z.unknown();
  }
}

export function documentSchema(mapping: Mapping): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const entry of mapping.entries) {
    switch (entry.kind) {
      case "field":
        if (entry.outboundOnly) break;
        shape[entry.key] = entry.optional ? columnSchema(entry.column).optional() : columnSchema(entry.column);
        break;
      case "lookup":
        for (const [key, column] of Object.entries(entry.by)) shape[key] = columnSchema(column);
        break;
      case "children":
        shape[entry.key] = z.array(documentSchema(entry.mapping)).min(1).max(entry.maxItems);
        break;
    }
  }
  const object = z.object(shape);
  return mapping.unknownKeys === "ignore" ? object.strip() : object.strict();
}
