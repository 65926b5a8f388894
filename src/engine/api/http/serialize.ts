/**
 * Stage 5: rows → JSON:API resource objects. Attributes go through the value
 * rules (numeric as JSON numbers), sparse fieldsets apply to attributes and
 * relationships, and every object carries its version as `meta.checksum`.
 */
import { encodeId, idSegment } from "../model/id-codec";
import type { ResourceModel } from "../model/resource-model";
import { toJsonValue } from "../model/values";
import type { Fieldsets } from "../query/query-types";
import { VERSION } from "../sql/build-common";
import type { Row } from "../transaction";

export interface Identifier { type: string; id: string }
export type Linkage = Identifier | Identifier[] | null;

export interface ResourceObject {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { links: { self: string; related: string }; data?: Linkage }>;
  links: { self: string };
  meta: { checksum: string };
}

export function versionOf(row: Row): string {
  return String(row[VERSION]);
}

export function resourceUrl(basePath: string, resource: ResourceModel, id: string): string {
  return `${basePath}/${resource.type}/${idSegment(id)}`;
}

export function toResourceObject(basePath: string, resource: ResourceModel, row: Row, fields: Fieldsets,
  linkage?: ReadonlyMap<string, Linkage>): ResourceObject {
  const only = fields.get(resource.type);
  const id = encodeId(resource, row);
  const self = resourceUrl(basePath, resource, id);
  const attributes: Record<string, unknown> = {};
  for (const a of resource.attributes) {
    if (!only || only.has(a.name)) attributes[a.name] = toJsonValue(a, row[a.name]);
  }
  let relationships: ResourceObject["relationships"];
  for (const r of resource.relationships) {
    if (only && !only.has(r.name)) continue;
    const data = linkage?.get(r.name);
    relationships ??= {};
    relationships[r.name] = { links: { self: `${self}/relationships/${r.name}`, related: `${self}/${r.name}` },
      ...(data !== undefined ? { data } : {}) };
  }
  return { type: resource.type, id, attributes, ...(relationships ? { relationships } : {}), links: { self },
    meta: { checksum: versionOf(row) } };
}
