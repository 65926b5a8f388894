/**
 * Small builders every statement shares: table references, the resource's
 * select list (row version first, then attributes under their API names), key
 * and version conditions, and relationship joins.
 */
import type { AttributeModel, RelationshipModel, ResourceModel } from "../model/resource-model";
import { and, col, eq, param, type Expr, type SelectItem, type TableRef } from "./sql-ast";

/** The select-list name of the row version (xmin). */
export const VERSION = "__version";

export interface Aliases { next(prefix: string): string }

export function createAliases(): Aliases {
  let n = 0;
  return { next: (prefix) => `${prefix}${++n}` };
}

export function tableRef(resource: ResourceModel, alias: string): TableRef {
  return { kind: "table", schema: resource.schemaName, name: resource.tableName, alias };
}

/**
 * A column of a base table (`alias.column`), or of a subquery that selected `resourceColumns`
 * (`alias."Name"`), where bigint left as text and is cast back for joins and ordering.
 */
export function attributeRef(alias: string, attribute: AttributeModel, inSubquery: boolean): Expr {
  if (!inSubquery) return col(alias, attribute.column);
  const ref = col(alias, attribute.name);
  return attribute.kind === "bigint" ? { kind: "cast", expr: ref, type: "bigint" } : ref;
}

const columnLists = new WeakMap<ResourceModel, Map<string, readonly SelectItem[]>>();

/** The row version then every attribute; one shared list per resource and alias (the compiler caches its text). */
export function resourceColumns(resource: ResourceModel, alias: string): readonly SelectItem[] {
  const byAlias = columnLists.get(resource) ?? new Map<string, readonly SelectItem[]>();
  columnLists.set(resource, byAlias);
  let list = byAlias.get(alias);
  if (!list) {
    list = Object.freeze([{ expr: { kind: "version", alias }, as: VERSION } as SelectItem,
      // bigint leaves as text: a JSON number would lose digits past 2^53.
      ...resource.attributes.map((a): SelectItem => ({ expr: a.kind === "bigint" ? { kind: "cast", expr: col(alias, a.column), type: "text" }
        : col(alias, a.column), as: a.name }))]);
    byAlias.set(alias, list);
  }
  return list;
}

/** `alias.a1 = $1 and alias.a2 = $2 …` on a base table. */
export function valuesCondition(alias: string, attributes: readonly AttributeModel[], values: readonly unknown[]): Expr {
  return and(attributes.map((a, i) => eq(col(alias, a.column), param(values[i]))));
}

export function keyCondition(resource: ResourceModel, alias: string, values: readonly unknown[]): Expr {
  return valuesCondition(alias, resource.primaryKey, values);
}

/** `alias.xmin::text = any($versions)`. */
export function versionCondition(alias: string, versions: readonly string[]): Expr {
  return { kind: "anyOf", expr: { kind: "version", alias }, array: param(versions, "text[]"), negated: false };
}

/** Rows of `relationship.target` (as `targetAlias`) related to the source row `sourceAlias` (a base table). */
export function joinCondition(relationship: RelationshipModel, targetAlias: string, sourceAlias: string): Expr {
  return and(relationship.targetAttributes.map((t, i) =>
    eq(col(targetAlias, t.column), col(sourceAlias, relationship.sourceAttributes[i]!.column))));
}
