/**
 * The compiler pipeline: spec → resolve (IR + diagnostics) → analyze (conflicts,
 * cycles, dependency order) → emit (trigger SQL) and plan (recompute SQL).
 * Throws RuleCompileError listing every problem found, each naming its rule.
 */
import { orderDerivations } from "./analyze";
import { createDiagnosticSink } from "./diagnostics";
import { emitRulesSql } from "./emit-file";
import type { RuleSetIr } from "./ir";
import { planRecompute, type RecomputePlan } from "./recompute-plan";
import { resolveRules } from "./resolve";
import type { RuleSet } from "./spec";

export interface CompiledRules {
  readonly ir: RuleSetIr;
  /** The generated file's full text. */
  readonly sql: string;
  readonly recompute: RecomputePlan;
}

/** Rule sets are frozen, so each is compiled once per process however many callers ask. */
const compiledSets = new WeakMap<RuleSet, CompiledRules>();

export function compileRules(set: RuleSet): CompiledRules {
  let compiled = compiledSets.get(set);
  if (!compiled) {
    compiled = compileOnce(set);
    compiledSets.set(set, compiled);
  }
  return compiled;
}

function compileOnce(set: RuleSet): CompiledRules {
  const sink = createDiagnosticSink();
  const { rules, tables } = resolveRules(set, sink);
  const order = orderDerivations(rules, sink);
  sink.fail();
  const ir: RuleSetIr = Object.freeze({
    source: set.source, schema: set.schema, rules: Object.freeze(rules), tables, order: Object.freeze(order),
  });
  return Object.freeze({ ir, sql: emitRulesSql(ir), recompute: planRecompute(ir) });
}

/** Columns the rules own, e.g. for an API to mark read-only; adjustBy columns are listed as stateful. */
export function derivedColumns(compiled: CompiledRules): { table: string; column: string; key: string; rule: string; stateful: boolean }[] {
  return compiled.ir.order.map((r) => ({
    table: r.table.name, column: r.target.name, key: r.target.key, rule: r.name, stateful: r.kind === "adjust",
  }));
}
