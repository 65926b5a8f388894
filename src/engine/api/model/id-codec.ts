/**
 * Resource ids. A one-column key's id is its value as text (`ALFKI`, `42`).
 * A composite key's id joins the parts in key order with `,`, each part with
 * `%` and `,` percent-escaped (`Germany,Berlin`; `USA,Washington%2C D.C.`).
 * In URLs the whole id is one path segment, percent-encoded as usual.
 */
import type { ResourceModel } from "./resource-model";
import { parseText, toJsonValue } from "./values";

export const ID_ENCODING_DOC = "A one-column key's id is its value as text. A composite key's id joins the key "
  + "parts in key order with `,`, each part with `%` written `%25` and `,` written `%2C` "
  + "(e.g. `Germany,Berlin`). In a URL the id is one path segment, percent-encoded as usual.";

function escapePart(text: string): string {
  return text.replaceAll("%", "%25").replaceAll(",", "%2C");
}

export function encodeId(resource: ResourceModel, row: Record<string, unknown>): string {
  const parts = resource.primaryKey.map((a) => String(toJsonValue(a, row[a.name])));
  return parts.length === 1 ? parts[0]! : parts.map(escapePart).join(",");
}

/** The key values for a URL id, or undefined when it cannot name a row of this resource. */
export function decodeId(resource: ResourceModel, id: string): (string | number | boolean)[] | undefined {
  const texts = resource.primaryKey.length === 1 ? [id] : id.split(",");
  if (texts.length !== resource.primaryKey.length) return undefined;
  const values: (string | number | boolean)[] = [];
  for (const [i, attribute] of resource.primaryKey.entries()) {
    let text = texts[i]!;
    if (resource.primaryKey.length > 1) {
      try { text = decodeURIComponent(text); } catch { return undefined; }
    }
    const parsed = parseText(attribute, text);
    if (!parsed.ok) return undefined;
    values.push(parsed.value);
  }
  return values;
}

/** The id as a URL path segment; `,` stays readable (a legal path character). */
export function idSegment(id: string): string {
  return encodeURIComponent(id).replaceAll("%2C", ",");
}
