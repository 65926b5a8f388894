/**
 * Values at the edges, per attribute kind: text from URLs (filters, ids,
 * cursors) parsed into bound-parameter values, database values turned into
 * JSON (numeric → JSON number, dates → `YYYY-MM-DD`), JSON input into parameters.
 */
import type { AttributeModel } from "./resource-model";

export type Parsed = { ok: true; value: string | number | boolean } | { ok: false; expected: string };

const INT_RANGE: Record<string, number> = { smallint: 32_767, integer: 2_147_483_647 };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

function validDate(text: string): boolean {
  const d = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text.slice(0, 10);
}

/** Parses one URL text value for `attribute`; never throws. */
export function parseText(attribute: AttributeModel, text: string): Parsed {
  switch (attribute.kind) {
    case "text":
    case "other":
      return { ok: true, value: text };
    case "uuid":
      return UUID.test(text) ? { ok: true, value: text } : { ok: false, expected: "a UUID" };
    case "integer": {
      const max = INT_RANGE[attribute.sqlType] ?? Number.MAX_SAFE_INTEGER;
      const n = /^-?\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
      return Number.isSafeInteger(n) && Math.abs(n) <= max ? { ok: true, value: n } : { ok: false, expected: "an integer" };
    }
    case "bigint":
      return /^-?\d{1,19}$/.test(text) ? { ok: true, value: text } : { ok: false, expected: "an integer" };
    case "numeric":
      return NUMERIC_TEXT.test(text) ? { ok: true, value: text } : { ok: false, expected: "a decimal number" };
    case "float": {
      const n = text.trim() === "" ? Number.NaN : Number(text);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, expected: "a number" };
    }
    case "boolean":
      return text === "true" || text === "false" ? { ok: true, value: text === "true" } : { ok: false, expected: "true or false" };
    case "date":
      return DATE.test(text) && validDate(text) ? { ok: true, value: text } : { ok: false, expected: "a date YYYY-MM-DD" };
    case "timestamp":
      return TIMESTAMP.test(text) && validDate(text) ? { ok: true, value: text } : { ok: false, expected: "a timestamp" };
    case "time":
      return /^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/.test(text) ? { ok: true, value: text } : { ok: false, expected: "a time HH:MM[:SS]" };
    case "json":
      return { ok: false, expected: "nothing: JSON attributes cannot be compared" };
  }
}

/** A database value as it appears in a JSON:API attribute. */
export function toJsonValue(attribute: AttributeModel, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (attribute.kind) {
    case "numeric":
    case "float":
      return typeof value === "string" ? Number(value) : value;
    case "date":
      return value instanceof Date ? value.toISOString().slice(0, 10) : value;
    case "timestamp":
      return value instanceof Date ? value.toISOString() : typeof value === "string" ? value.replace(" ", "T") : value;
    default:
      return value;
  }
}

/** A validated JSON input value as a bound parameter. */
export function toParameter(attribute: AttributeModel, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if ((attribute.kind === "numeric" || attribute.kind === "bigint") && typeof value === "number") return String(value);
  if (attribute.kind === "json") return JSON.stringify(value);
  return value;
}
