/**
 * JSON:API resource objects ⇄ react-admin records. A record is the attributes
 * plus `id` (a number for one-column integer keys, so foreign-key values match
 * it) and `__version` (meta.checksum, sent back as If-Match). Writes send only
 * what the user may change: never derived columns, never unchanged values.
 */
import type { AdminResource } from "../../model/admin-model";
import type { JsonApiResource } from "./json-api";

export const VERSION = "__version";

export type AdminRecord = Record<string, unknown> & { id: string | number; [VERSION]?: string };

export function toRecord(resource: AdminResource | undefined, object: JsonApiResource): AdminRecord {
  const id = resource?.key.numeric ? Number(object.id) : object.id;
  return { ...object.attributes, id, ...(object.meta?.checksum ? { [VERSION]: object.meta.checksum } : {}) };
}

/** The id as one URL path segment. */
export function idSegment(id: string | number): string {
  return encodeURIComponent(String(id));
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined || a === "") && (b === null || b === undefined || b === "")) return true;
  if (typeof a === "number" || typeof b === "number") return a !== null && b !== null && Number(a) === Number(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

function normalize(kind: string, value: unknown): unknown {
  if (value === "" && kind !== "text") return null;
  if (value instanceof Date) return kind === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  return value;
}

/** Attributes for POST: every writable field the form set. */
export function createAttributes(resource: AdminResource, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of resource.fields) {
    if (f.derived || (f.key && resource.key.generated)) continue;
    const value = normalize(f.kind, data[f.name]);
    if (value !== undefined && value !== null) out[f.name] = value;
  }
  return out;
}

/** Attributes for PATCH: writable fields whose value differs from the record as loaded. */
export function changedAttributes(resource: AdminResource, data: Record<string, unknown>,
  previous: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of resource.fields) {
    if (f.derived || f.key || !(f.name in data)) continue;
    const value = normalize(f.kind, data[f.name]);
    if (!same(value, previous[f.name])) out[f.name] = value ?? null;
  }
  return out;
}
