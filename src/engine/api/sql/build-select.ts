/**
 * Stage 3 for reads: the parts of one GET, joined into one statement by
 * build-read.ts. A collection is a page plus an exact count; one resource is a
 * key lookup; a related collection or resource adds "belongs to the row named
 * by the URL" to the same shapes.
 */
import type { RelationshipModel, ResourceModel, ResourceRegistry } from "../model/resource-model";
import type { CollectionQuery } from "../query/query-types";
import { attributeRef, createAliases, keyCondition, resourceColumns, tableRef, valuesCondition } from "./build-common";
import { filterToSql } from "./build-filter";
import { keysetCondition, orderBy } from "./build-keyset";
import { and, param, type Expr, type Select } from "./sql-ast";

export const ROOT = "t";

export interface CollectionStatements {
  /** The page; keyset pages fetch one extra row to learn whether a next page exists. */
  readonly page: Select;
  readonly count: Select;
}

/** `scope` restricts the collection, e.g. to the children of one parent row. */
export function selectCollection(registry: ResourceRegistry, resource: ResourceModel, query: CollectionQuery,
  scope?: Expr): CollectionStatements {
  const aliases = createAliases();
  const filter = query.filter ? filterToSql(registry, query.filter, ROOT, aliases) : undefined;
  const base = [scope, filter].filter((e): e is Expr => e !== undefined);
  const keyset = query.page.kind === "keyset" ? keysetCondition(query.sort, query.page.after, ROOT) : undefined;
  const where = [...base, ...(keyset ? [keyset] : [])];
  return {
    page: {
      kind: "select",
      columns: resourceColumns(resource, ROOT),
      from: tableRef(resource, ROOT),
      ...(where.length ? { where: and(where) } : {}),
      orderBy: orderBy(query.sort, ROOT),
      limit: param(query.page.limit + (query.page.kind === "keyset" ? 1 : 0)),
      ...(query.page.kind === "offset" && query.page.offset > 0 ? { offset: param(query.page.offset) } : {}),
    },
    count: { kind: "select", columns: [{ expr: { kind: "countAll" }, as: "count" }], from: tableRef(resource, ROOT),
      ...(base.length ? { where: and(base) } : {}) },
  };
}

export function selectByKey(resource: ResourceModel, key: readonly unknown[]): Select {
  return { kind: "select", columns: resourceColumns(resource, ROOT), from: tableRef(resource, ROOT),
    where: keyCondition(resource, ROOT, key) };
}

/** Does the row exist? (related endpoints answer 404 for a missing parent). */
export function selectExists(resource: ResourceModel, key: readonly unknown[]): Select {
  return { kind: "select", columns: [{ expr: { kind: "one" }, as: "found" }], from: tableRef(resource, "s"),
    where: keyCondition(resource, "s", key) };
}

/**
 * The scope "related to the source row with this key", on the target aliased ROOT.
 * When the relationship joins on the source's primary key the key values are used directly.
 */
export function relatedScope(source: ResourceModel, relationship: RelationshipModel, key: readonly unknown[]): Expr {
  const onKey = relationship.sourceAttributes.length === source.primaryKey.length
    && relationship.sourceAttributes.every((a, i) => a === source.primaryKey[i]);
  if (onKey) return valuesCondition(ROOT, relationship.targetAttributes, key);
  return {
    kind: "inSelect",
    exprs: relationship.targetAttributes.map((a) => attributeRef(ROOT, a, false)),
    select: { kind: "select", columns: relationship.sourceAttributes.map((a) => ({ expr: attributeRef("s", a, false) })),
      from: tableRef(source, "s"), where: keyCondition(source, "s", key) },
  };
}
