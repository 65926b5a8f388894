/**
 * Single-column numeric bounds read off a rule set's constraints (`e.gt(Quantity, 0)`,
 * `e.and(e.gte(Discount, 0), e.lt(Discount, 1))`), so an edge (a partner document's
 * schema, an OpenAPI description) can reject a value up front with the rule's own
 * limits. The triggers still decide; this only repeats what they will say, early.
 */
import type { SpecExpr } from "./expr";
import type { RuleSet } from "./spec";
import type { AnyColumn } from "./types";

export interface NumericBounds { gt?: number; gte?: number; lt?: number; lte?: number }

const FLIPPED = { ">": "<", ">=": "<=", "<": ">", "<=": ">=" } as const;
const KEY = { ">": "gt", ">=": "gte", "<": "lt", "<=": "lte" } as const;
type Comparison = keyof typeof FLIPPED;

/** The comparisons `column op literal` a condition is a conjunction of; anything else adds no bound. */
function comparisons(node: SpecExpr): { column: AnyColumn; op: Comparison; value: number }[] {
  if (node.kind === "logical" && node.op === "and") return node.operands.flatMap(comparisons);
  if (node.kind !== "binary" || !(node.op in FLIPPED)) return [];
  const op = node.op as Comparison;
  const { left, right } = node;
  if (left.kind === "column" && !left.via && right.kind === "literal" && typeof right.value === "number") {
    return [{ column: left.column, op, value: right.value }];
  }
  if (right.kind === "column" && !right.via && left.kind === "literal" && typeof left.value === "number") {
    return [{ column: right.column, op: FLIPPED[op], value: left.value }];
  }
  return [];
}

/** Per column, the bounds every constraint of the rule set puts on it alone. */
export function columnBounds(rules: RuleSet): ReadonlyMap<AnyColumn, NumericBounds> {
  const bounds = new Map<AnyColumn, NumericBounds>();
  for (const rule of rules.rules) {
    if (rule.kind !== "constraint") continue;
    for (const c of comparisons(rule.condition)) {
      bounds.set(c.column, { ...bounds.get(c.column), [KEY[c.op]]: c.value });
    }
  }
  return bounds;
}
