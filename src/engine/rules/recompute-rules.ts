/**
 * Recomputes a rule set's derived columns and reports in the log: how many
 * values changed and each row that violates a constraint. Database preparation
 * runs it after a seed or when the generated rules SQL changed.
 */
import type { Sql } from "../db/database";
import { compileRules } from "./compile";
import { recompute, type RecomputeReport } from "./recompute";
import type { RuleSet } from "./spec";

export async function recomputeRules(sql: Sql, rules: RuleSet, log: (line: string) => void = () => {}): Promise<RecomputeReport> {
  log("rules: recomputing derived columns…");
  const report = await recompute(sql, compileRules(rules).recompute);
  const changed = report.updated.reduce((n, u) => n + u.rows, 0);
  log(`rules: recomputed (${changed} values changed, ${report.violations.length} rows violate constraints)`);
  for (const v of report.violations) log(`rules: ${v.table}[${v.key}] violates ${v.rule}: ${v.message}`);
  return report;
}
