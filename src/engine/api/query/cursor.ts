/**
 * Keyset cursors for `page[after]`: base64url JSON of the sort signature and the
 * last row's sort-key values (primary key last). Opaque to clients; decoding
 * re-validates every value, since a cursor is user input like any other.
 */
import type { AttributeModel } from "../model/resource-model";
import { parseText } from "../model/values";
import type { ParamValue, SortKey } from "./query-types";

export function sortSignature(sort: readonly SortKey[]): string {
  return sort.map((k) => (k.direction === "desc" ? "-" : "") + k.attribute.name).join(",");
}

export function encodeCursor(sort: readonly SortKey[], row: Record<string, unknown>): string {
  const values = sort.map((k) => {
    const v = row[k.attribute.name];
    return v instanceof Date ? v.toISOString() : v ?? null;
  });
  return Buffer.from(JSON.stringify({ s: sortSignature(sort), v: values })).toString("base64url");
}

export type DecodedCursor = { ok: true; values: (ParamValue | null)[] } | { ok: false; reason: string };

export function decodeCursor(sort: readonly SortKey[], cursor: string): DecodedCursor {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "not a cursor this API issued" };
  }
  const { s, v } = (body ?? {}) as { s?: unknown; v?: unknown };
  if (s !== sortSignature(sort)) return { ok: false, reason: "the cursor was issued for a different sort" };
  if (!Array.isArray(v) || v.length !== sort.length) return { ok: false, reason: "not a cursor this API issued" };
  const values: (ParamValue | null)[] = [];
  for (const [i, key] of sort.entries()) {
    const parsed = cursorValue(key.attribute, v[i]);
    if (parsed === undefined) return { ok: false, reason: "not a cursor this API issued" };
    values.push(parsed);
  }
  return { ok: true, values };
}

function cursorValue(attribute: AttributeModel, value: unknown): ParamValue | null | undefined {
  if (value === null) return attribute.notNull ? undefined : null;
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
  const parsed = parseText(attribute, String(value));
  return parsed.ok ? parsed.value : undefined;
}
