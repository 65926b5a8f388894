/**
 * ORDER BY and the keyset condition "the row comes after the cursor". Postgres
 * puts NULLs last ascending and first descending, i.e. NULL sorts as the
 * largest value; the condition is expanded key by key with that rule, so
 * nullable sort columns page correctly (k1 > c1, or k1 = c1 and k2 > c2, …).
 */
import type { ParamValue, SortKey } from "../query/query-types";
import { and, col, or, param, type Expr, type OrderItem } from "./sql-ast";

export function orderBy(sort: readonly SortKey[], alias: string): OrderItem[] {
  return sort.map((k) => ({ expr: col(alias, k.attribute.column), direction: k.direction }));
}

function same(key: SortKey, value: ParamValue | null, alias: string): Expr {
  const column = col(alias, key.attribute.column);
  return value === null ? { kind: "isNull", expr: column, negated: false } : { kind: "compare", op: "=", left: column, right: param(value) };
}

/** undefined when nothing can come after `value` on this key. */
function after(key: SortKey, value: ParamValue | null, alias: string): Expr | undefined {
  const column = col(alias, key.attribute.column);
  if (key.direction === "asc") {
    if (value === null) return undefined;
    const greater: Expr = { kind: "compare", op: ">", left: column, right: param(value) };
    return key.attribute.notNull ? greater : or([greater, { kind: "isNull", expr: column, negated: false }]);
  }
  if (value === null) return { kind: "isNull", expr: column, negated: true };
  return { kind: "compare", op: "<", left: column, right: param(value) };
}

export function keysetCondition(sort: readonly SortKey[], values: readonly (ParamValue | null)[], alias: string): Expr | undefined {
  if (values.length === 0) return undefined;
  const branches: Expr[] = [];
  for (const [i, key] of sort.entries()) {
    const next = after(key, values[i] ?? null, alias);
    if (next) branches.push(and([...sort.slice(0, i).map((k, j) => same(k, values[j] ?? null, alias)), next]));
  }
  return or(branches);
}
