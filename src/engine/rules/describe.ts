/**
 * One-line, human-readable descriptions of IR rules, for comments in the
 * generated SQL and for `rules:stats`. Not SQL: names appear unquoted.
 */
import type { IrExpr, RuleIr } from "./ir";
import { sqlOf, type ExprScope } from "./sql-expr";
import type { RuleKind } from "./spec";

const plain: ExprScope = {
  column: (c, fk) => (fk ? `${fk.parent}.${c.name}` : `${c.table}.${c.name}`),
  change: (c) => `change(${c.table}.${c.name})`,
};

const text = (e: IrExpr) => sqlOf(e, plain);
const where = (e: IrExpr | undefined) => (e ? ` where ${text(e)}` : "");

const DESCRIBE: { [K in RuleKind]: (r: Extract<RuleIr, { kind: K }>) => string } = {
  sum: (r) => `${r.table.name}.${r.target.name} = sum(${r.child.name}.${r.value.name})${where(r.where)}`,
  count: (r) => `${r.table.name}.${r.target.name} = count(${r.child.name})${where(r.where)}`,
  formula: (r) => `${r.table.name}.${r.target.name} = ${text(r.expr)}`,
  adjust: (r) => `${r.table.name}.${r.target.name} += ${text(r.by)} (stateful)`,
  copy: (r) => `${r.table.name}.${r.target.name} = copy(${r.fk.parent}.${r.from.name})`,
  constraint: (r) => `${r.table.name}: ${text(r.condition)}`,
  parentCheck: (r) => `${r.table.name}.(${r.fk.columns.map((c) => c.name).join(", ")}) references ${r.fk.parent}`,
};

export function describeRule(rule: RuleIr): string {
  return `${rule.kind} ${rule.name}: ${(DESCRIBE[rule.kind] as (r: RuleIr) => string)(rule)}`;
}
