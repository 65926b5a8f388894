/**
 * Runs a recompute plan in one transaction with the written tables' user triggers
 * off (so deferred constraints are not queued), then lists the rows that violate
 * constraints instead of failing: existing data may already break a rule.
 */
import type { TransactionSql } from "postgres";
import type { Sql } from "../db/database";
import type { RecomputePlan } from "./recompute-plan";

export interface ConstraintViolation { readonly rule: string; readonly table: string; readonly key: string; readonly message: string }

export interface RecomputeReport {
  readonly updated: readonly { readonly rule: string; readonly table: string; readonly column: string; readonly rows: number }[];
  readonly skipped: RecomputePlan["skipped"];
  readonly violations: readonly ConstraintViolation[];
  /** How triggers were kept quiet: ALTER TABLE works for table owners, the replication role needs a superuser. */
  readonly mode: "alter-table" | "replication-role";
}

export interface RecomputeOptions {
  mode?: "auto" | RecomputeReport["mode"];
  log?: (line: string) => void;
}

export async function recompute(sql: Sql, plan: RecomputePlan, opts: RecomputeOptions = {}): Promise<RecomputeReport> {
  const log = opts.log ?? (() => {});
  const mode = opts.mode === undefined || opts.mode === "auto" ? await preferredMode(sql) : opts.mode;
  const updated = await sql.begin(async (tx) => {
    await quietTriggers(tx, plan, mode, "off");
    const rows = [];
    for (const step of plan.steps) {
      const result = await tx.unsafe(step.sql);
      rows.push({ rule: step.rule, table: step.table, column: step.column, rows: result.count });
      log(`recompute: ${step.rule}: ${result.count} rows of ${step.table}.${step.column} changed`);
    }
    await quietTriggers(tx, plan, mode, "on");
    return rows;
  });
  const violations: ConstraintViolation[] = [];
  for (const q of plan.violations) {
    const rows = await sql.unsafe<{ key: string; message: string }[]>(q.sql);
    violations.push(...rows.map((r) => ({ rule: q.rule, table: q.table, key: r.key, message: r.message })));
  }
  for (const v of violations) log(`recompute: ${v.table}[${v.key}] violates ${v.rule}: ${v.message}`);
  return { updated, skipped: plan.skipped, violations, mode };
}

async function preferredMode(sql: Sql): Promise<RecomputeReport["mode"]> {
  const [row] = await sql<{ super: boolean }[]>`select rolsuper as super from pg_roles where rolname = current_user`;
  return row?.super ? "replication-role" : "alter-table";
}

/** Both ways are transaction-local: a failed recompute leaves every trigger as it was. */
async function quietTriggers(tx: TransactionSql, plan: RecomputePlan, mode: RecomputeReport["mode"], state: "on" | "off"): Promise<void> {
  if (mode === "replication-role") {
    await tx.unsafe(`SET LOCAL session_replication_role = ${state === "off" ? "replica" : "origin"}`);
    return;
  }
  for (const table of plan.tables) await tx.unsafe(`ALTER TABLE ${table} ${state === "off" ? "DISABLE" : "ENABLE"} TRIGGER USER`);
}
