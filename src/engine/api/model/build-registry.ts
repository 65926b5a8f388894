/**
 * Builds the resource registry from a drizzle schema module: every exported
 * table is a resource named by its export key, minus `exclude` (or only `only`).
 * A table without a primary key cannot be a resource: that is a start-up error.
 */
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { attributesOf } from "./attributes";
import { discoverRelationships, type RelationshipNameOverride } from "./relationships";
import type { ResourceModel, ResourceRegistry } from "./resource-model";

export interface RegistryOptions {
  /** A drizzle schema module (`import * as schema`); non-table exports are ignored. */
  schema: Record<string, unknown>;
  /** Allow-list of export names; when absent every table is exposed. */
  only?: readonly string[];
  /** Export names never exposed (e.g. users and roles). */
  exclude?: readonly string[];
  /** Per foreign-key constraint name, replacement relationship names. */
  relationshipNames?: Record<string, RelationshipNameOverride>;
  /** Attributes clients may not write, by SQL table name and attribute, e.g. columns derived by rules. */
  readOnly?: readonly ReadOnlyAttribute[];
}

export interface ReadOnlyAttribute { table: string; attribute: string; reason: string }

const TYPE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function buildRegistry(opts: RegistryOptions): ResourceRegistry {
  const tables = Object.entries(opts.schema).filter((e): e is [string, PgTable] => is(e[1], PgTable));
  for (const name of [...(opts.only ?? []), ...(opts.exclude ?? [])]) {
    if (!tables.some(([key]) => key === name)) throw new Error(`resource config names ${name}, which is not a table export`);
  }
  const chosen = tables.filter(([key]) => (opts.only ? opts.only.includes(key) : true) && !opts.exclude?.includes(key));
  const nodes = chosen.map(([type, table]) => {
    if (!TYPE_NAME.test(type)) throw new Error(`resource type ${type} is not a plain identifier`);
    return { type, table, attributes: attributesOf(table) };
  });
  const relationships = discoverRelationships(nodes, opts.relationshipNames);
  const resources: ResourceModel[] = nodes.map((node) => {
    const primaryKey = node.attributes.filter((a) => a.primaryKey);
    if (primaryKey.length === 0) throw new Error(`${node.type} has no primary key; exclude it from the API`);
    const config = getTableConfig(node.table);
    const rels = relationships.get(node.type) ?? [];
    return {
      type: node.type,
      table: node.table,
      tableName: config.name,
      schemaName: config.schema,
      attributes: node.attributes,
      attribute: new Map(node.attributes.map((a) => [a.name, a])),
      primaryKey,
      keyGenerated: primaryKey.length === 1 && primaryKey[0]!.hasDefault,
      relationships: rels,
      relationship: new Map(rels.map((r) => [r.name, r])),
      readOnly: new Map((opts.readOnly ?? []).filter((r) => r.table === config.name).map((r) => [r.attribute, r.reason])),
    };
  });
  const byType = new Map(resources.map((r) => [r.type, r]));
  return {
    resources,
    get: (type) => byType.get(type),
    require(type) {
      const found = byType.get(type);
      if (!found) throw new Error(`unknown resource type ${type}`);
      return found;
    },
  };
}
