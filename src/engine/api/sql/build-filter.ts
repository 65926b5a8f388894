/**
 * Filter tree → SQL condition on the table aliased `alias`. A condition on a
 * related resource becomes a correlated EXISTS along the relationship path, so
 * a to-one path means "the parent matches" and a to-many path "some child matches".
 */
import type { ResourceModel, ResourceRegistry } from "../model/resource-model";
import type { Filter, FilterOp } from "../query/query-types";
import { and, col, or, param, type CompareOp, type Expr } from "./sql-ast";
import { joinCondition, tableRef, type Aliases } from "./build-common";

const COMPARE: Partial<Record<FilterOp, CompareOp>> = {
  eq: "=", ne: "is distinct from", lt: "<", le: "<=", gt: ">", ge: ">=", like: "like", ilike: "ilike",
};

/** Array casts drop the type modifier: `varchar(16)[]` would silently truncate elements. */
export function arrayType(sqlType: string): string {
  return `${sqlType.replace(/\(.*\)/, "")}[]`;
}

function condition(filter: Extract<Filter, { kind: "condition" }>, alias: string): Expr {
  const column = col(alias, filter.attribute.column);
  const compare = COMPARE[filter.op];
  if (compare) return { kind: "compare", op: compare, left: column, right: param(filter.values[0]) };
  switch (filter.op) {
    case "in":
      return { kind: "anyOf", expr: column, array: param(filter.values, arrayType(filter.attribute.sqlType)), negated: false };
    case "notin":
      return or([{ kind: "isNull", expr: column, negated: false },
        { kind: "anyOf", expr: column, array: param(filter.values, arrayType(filter.attribute.sqlType)), negated: true }]);
    case "null":
      return { kind: "isNull", expr: column, negated: false };
    case "notnull":
      return { kind: "isNull", expr: column, negated: true };
    default:
      throw new Error(`filter operator ${filter.op} has no SQL form`);
  }
}

export function filterToSql(registry: ResourceRegistry, filter: Filter, alias: string, aliases: Aliases): Expr {
  switch (filter.kind) {
    case "and":
      return and(filter.items.map((f) => filterToSql(registry, f, alias, aliases)));
    case "or":
      return or(filter.items.map((f) => filterToSql(registry, f, alias, aliases)));
    case "condition":
      return related(registry, filter, 0, alias, aliases);
  }
}

function related(registry: ResourceRegistry, filter: Extract<Filter, { kind: "condition" }>, step: number,
  outer: string, aliases: Aliases): Expr {
  const relationship = filter.path[step];
  if (!relationship) return condition(filter, outer);
  const target: ResourceModel = registry.require(relationship.target);
  const inner = aliases.next("r");
  return { kind: "exists", select: {
    kind: "select",
    columns: [{ expr: { kind: "one" } }],
    from: tableRef(target, inner),
    where: and([joinCondition(relationship, inner, outer), related(registry, filter, step + 1, inner, aliases)]),
  } };
}

