/**
 * Stage 2: the dependency graph over derived columns. Reports two rules deriving
 * one column and cycles (naming the rules on the cycle), and orders derivations
 * so every rule follows the rules that derive its inputs.
 */
import type { DiagnosticSink } from "./diagnostics";
import { columnKey, type ColumnRef, type DerivationRule, type RuleIr } from "./ir";
import { columnsOf } from "./sql-expr";
import type { RuleKind } from "./spec";

type Analysers<R> = { [K in RuleKind]: (rule: Extract<RuleIr, { kind: K }>) => R };

/** The column a rule derives, if it derives one. */
const DERIVES: Analysers<ColumnRef | undefined> = {
  sum: (r) => r.target, count: (r) => r.target, formula: (r) => r.target, adjust: (r) => r.target, copy: (r) => r.target,
  constraint: () => undefined, parentCheck: () => undefined,
};

const exprInputs = (e: Parameters<typeof columnsOf>[0]): ColumnRef[] =>
  columnsOf(e).flatMap(({ column, fk }) => (fk ? [column, ...fk.columns] : [column]));

/** Every column whose change can change the rule's result. */
const INPUTS: Analysers<ColumnRef[]> = {
  sum: (r) => [r.value, ...r.fk.columns, ...(r.where ? exprInputs(r.where) : [])],
  count: (r) => [...r.fk.columns, ...(r.where ? exprInputs(r.where) : [])],
  formula: (r) => exprInputs(r.expr),
  adjust: (r) => exprInputs(r.by),
  copy: (r) => [r.from, ...r.fk.columns],
  constraint: (r) => exprInputs(r.condition),
  parentCheck: (r) => [...r.fk.columns],
};

export function derivedColumn(rule: RuleIr): ColumnRef | undefined {
  return (DERIVES[rule.kind] as (r: RuleIr) => ColumnRef | undefined)(rule);
}

export function inputsOf(rule: RuleIr): ColumnRef[] {
  return (INPUTS[rule.kind] as (r: RuleIr) => ColumnRef[])(rule);
}

export function isDerivation(rule: RuleIr): rule is DerivationRule {
  return derivedColumn(rule) !== undefined;
}

/** Derivations in dependency order (declaration order among independent ones). */
export function orderDerivations(rules: readonly RuleIr[], sink: DiagnosticSink): DerivationRule[] {
  const derivations = rules.filter(isDerivation);
  const byColumn = new Map<string, DerivationRule>();
  for (const rule of derivations) {
    const key = columnKey(rule.target);
    const other = byColumn.get(key);
    if (other) sink.report(rule.name, `column ${key} is already derived by rule ${other.name}; a column has one rule`);
    else byColumn.set(key, rule);
  }
  const deps = new Map(derivations.map((r) => [r, dependencies(r, byColumn)]));
  const ordered = topologicalOrder(derivations, deps);
  if (ordered.length < derivations.length) reportCycle(derivations.filter((r) => !ordered.includes(r)), deps, sink);
  return ordered;
}

function dependencies(rule: DerivationRule, byColumn: Map<string, DerivationRule>): DerivationRule[] {
  const found = inputsOf(rule).map((c) => byColumn.get(columnKey(c))).filter((r): r is DerivationRule => r !== undefined);
  return [...new Set(found)];
}

/** Kahn's algorithm, always taking the earliest-declared ready rule, so output is deterministic. */
function topologicalOrder(rules: DerivationRule[], deps: Map<DerivationRule, DerivationRule[]>): DerivationRule[] {
  const done = new Set<DerivationRule>();
  const out: DerivationRule[] = [];
  for (;;) {
    const next = rules.find((r) => !done.has(r) && (deps.get(r) ?? []).every((d) => done.has(d)));
    if (!next) return out;
    done.add(next);
    out.push(next);
  }
}

function reportCycle(stuck: DerivationRule[], deps: Map<DerivationRule, DerivationRule[]>, sink: DiagnosticSink): void {
  const path: DerivationRule[] = [];
  let at = stuck[0];
  while (at && !path.includes(at)) {
    path.push(at);
    at = (deps.get(at) ?? []).find((d) => stuck.includes(d));
  }
  if (!at) return;
  const cycle = [...path.slice(path.indexOf(at)), at].reverse();
  const text = cycle.map((r) => `${r.name} (${columnKey(r.target)})`).join(" → ");
  sink.report(cycle[0]?.name ?? "?", `cycle in derived columns: ${text}`);
}
