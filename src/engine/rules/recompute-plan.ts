/**
 * Set-based SQL that recomputes every derived column from scratch, generated
 * from the same IR as the triggers, in dependency order: formulas, sums and counts.
 * Copies are snapshots and adjustBy columns are stateful, so both are left alone.
 */
import { qualified, quoteIdent } from "../sql/quote";
import type { ConstraintRule, DerivationRule, RollupRule, RuleSetIr } from "./ir";
import { messageSql } from "./message";
import { keySql } from "./plpgsql";
import { col, rowScope, sqlOf } from "./sql-expr";

export interface RecomputeStep { readonly rule: string; readonly table: string; readonly column: string; readonly sql: string }
export interface ViolationQuery { readonly rule: string; readonly table: string; readonly sql: string }

export interface RecomputePlan {
  /** Schema-qualified tables the steps write (their user triggers are disabled meanwhile). */
  readonly tables: readonly string[];
  readonly steps: readonly RecomputeStep[];
  readonly skipped: readonly { readonly rule: string; readonly reason: string }[];
  /** One query per constraint returning (key, message) of each violating row. */
  readonly violations: readonly ViolationQuery[];
}

type Planners = { [K in DerivationRule["kind"]]: (r: Extract<DerivationRule, { kind: K }>, t: (n: string) => string) => string | { skip: string } };

const PLAN: Planners = {
  formula: (r, t) => {
    const value = sqlOf(r.expr, rowScope("c", t));
    return `UPDATE ${t(r.table.name)} c SET ${quoteIdent(r.target.name)} = ${value}\n  WHERE ${col("c", r.target)} IS DISTINCT FROM ${value}`;
  },
  sum: (r, t) => rollup(r, t),
  count: (r, t) => rollup(r, t),
  copy: () => ({ skip: "copy is a snapshot taken on insert or key change" }),
  adjust: () => ({ skip: "adjustBy is stateful (the column keeps its own history)" }),
};

/** Joins the parent to the child aggregate, so parents without children get 0. */
function rollup(r: RollupRule, t: (n: string) => string): string {
  const keys = r.fk.columns.map((c, i) => ({ child: c, parent: r.fk.parentColumns[i] ?? c, alias: `k${i + 1}` }));
  const value = r.kind === "sum" ? `sum(${col("c", r.value)})` : "count(*)";
  const filters = [...keys.map((k) => `${col("c", k.child)} IS NOT NULL`), ...(r.where ? [sqlOf(r.where, rowScope("c", t))] : [])];
  return [
    `UPDATE ${t(r.table.name)} p SET ${quoteIdent(r.target.name)} = coalesce(a.v, 0)`,
    `  FROM ${t(r.table.name)} p0 LEFT JOIN (`,
    `    SELECT ${keys.map((k) => `${col("c", k.child)} AS ${k.alias}`).join(", ")}, ${value} AS v FROM ${t(r.child.name)} c`,
    `    WHERE ${filters.join(" AND ")}`,
    `    GROUP BY ${keys.map((k) => col("c", k.child)).join(", ")}) a ON ${keys.map((k) => `a.${k.alias} = ${col("p0", k.parent)}`).join(" AND ")}`,
    `  WHERE ${keys.map((k) => `${col("p0", k.parent)} = ${col("p", k.parent)}`).join(" AND ")}`,
    `    AND ${col("p", r.target)} IS DISTINCT FROM coalesce(a.v, 0)`,
  ].join("\n");
}

function violationQuery(r: ConstraintRule, t: (n: string) => string): string {
  return [
    `SELECT ${keySql(r.table.pk, "r")}::text AS key, ${messageSql(r.message, "r")} AS message`,
    `  FROM ${t(r.table.name)} r WHERE (${sqlOf(r.condition, rowScope("r", t))}) IS FALSE`,
    `  ORDER BY ${r.table.pk.map((c) => col("r", c)).join(", ")}`,
  ].join("\n");
}

export function planRecompute(ir: RuleSetIr): RecomputePlan {
  const t = (name: string) => qualified(ir.schema, name);
  const steps: RecomputeStep[] = [];
  const skipped: { rule: string; reason: string }[] = [];
  for (const rule of ir.order) {
    const planned = (PLAN[rule.kind] as (r: DerivationRule, t: (n: string) => string) => string | { skip: string })(rule, t);
    if (typeof planned === "string") steps.push({ rule: rule.name, table: rule.table.name, column: rule.target.name, sql: planned });
    else skipped.push({ rule: rule.name, reason: planned.skip });
  }
  const violations = ir.rules.filter((r): r is ConstraintRule => r.kind === "constraint")
    .map((r) => ({ rule: r.name, table: r.table.name, sql: violationQuery(r, t) }));
  const tables = [...new Set(steps.map((s) => s.table))].map(t);
  return Object.freeze({ tables, steps, skipped, violations });
}
