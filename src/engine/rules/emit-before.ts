/**
 * The BEFORE INSERT/UPDATE row trigger of one table: parent checks, copies from
 * parents (on insert or key change only), then formulas and adjustBy rules in
 * dependency order, each guarded so it runs on insert or when an input changed.
 */
import { qualified, quoteLiteral, sqlComment } from "../sql/quote";
import { inputsOf } from "./analyze";
import type { AdjustRule, ColumnRef, CopyRule, FormulaRule, ParentCheckRule, RuleSetIr, TableIr } from "./ir";
import { messageSql } from "./message";
import { changed, debugLog, keySql, notNull, objectName, triggerDdl, triggerFunction, uniqueColumns } from "./plpgsql";
import { col, fkMatch, rowScope, sqlOf } from "./sql-expr";

export function emitBefore(ir: RuleSetIr, table: TableIr): string[] {
  const checks = ir.rules.filter((r): r is ParentCheckRule => r.kind === "parentCheck" && r.table.name === table.name);
  const copies = ir.rules.filter((r): r is CopyRule => r.kind === "copy" && r.table.name === table.name);
  const derived = ir.order.filter((r): r is FormulaRule | AdjustRule =>
    (r.kind === "formula" || r.kind === "adjust") && r.table.name === table.name);
  if (checks.length + copies.length + derived.length === 0) return [];
  const tableSql = (name: string) => qualified(ir.schema, name);
  const body = [
    ...checks.flatMap((r) => parentCheck(r, tableSql)),
    ...copyGroups(copies).flatMap((g) => copyGroup(g, table, tableSql)),
    ...derived.flatMap((r) => (r.kind === "formula" ? formula(r, table, tableSql) : adjust(r, table, tableSql))),
  ];
  const fn = objectName(table.name, "before");
  const inputs = uniqueColumns([...checks, ...copies, ...derived].flatMap(inputsOf).filter((c) => c.table === table.name));
  const trigger = { schema: ir.schema, table: table.name, fn, timing: "BEFORE" as const };
  return [
    triggerFunction({ schema: ir.schema, name: fn, declare: [], body, returns: "NEW" }),
    triggerDdl({ ...trigger, name: objectName(table.name, "before_ins"), event: "INSERT" }),
    ...(inputs.length ? [triggerDdl({ ...trigger, name: objectName(table.name, "before_upd"), event: "UPDATE", when: changed(inputs) })] : []),
  ];
}

const onInsertOrChange = (columns: Parameters<typeof changed>[0]) =>
  columns.length ? `(TG_OP = 'INSERT' OR ${changed(columns)})` : "TG_OP = 'INSERT'";

function parentCheck(r: ParentCheckRule, tableSql: (n: string) => string): string[] {
  return [
    sqlComment(`parentCheck ${r.name}`),
    `IF ${onInsertOrChange(r.fk.columns)} AND ${notNull(r.fk.columns, "NEW")}`,
    `    AND NOT EXISTS (SELECT 1 FROM ${tableSql(r.fk.parent)} p WHERE ${fkMatch(r.fk, "p", "NEW")}) THEN`,
    `  RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = ${messageSql(r.message, "NEW")}, CONSTRAINT = ${quoteLiteral(r.name)};`,
    "END IF;",
  ];
}

/** Copies through one foreign key share one parent read. */
function copyGroups(copies: CopyRule[]): CopyRule[][] {
  const groups = new Map<string, CopyRule[]>();
  for (const c of copies) groups.set(c.fk.name, [...(groups.get(c.fk.name) ?? []), c]);
  return [...groups.values()];
}

function copyGroup(group: CopyRule[], table: TableIr, tableSql: (n: string) => string): string[] {
  const fk = (group[0] as CopyRule).fk;
  return [
    sqlComment(`copy ${group.map((r) => r.name).join(", ")}: on insert and when ${fk.name} changes, never later`),
    `IF ${onInsertOrChange(fk.columns)} AND ${notNull(fk.columns, "NEW")} THEN`,
    `  SELECT ${group.map((r) => col("p", r.from)).join(", ")} INTO ${group.map((r) => col("NEW", r.target)).join(", ")}`,
    `    FROM ${tableSql(fk.parent)} p WHERE ${fkMatch(fk, "p", "NEW")};`,
    ...group.map((r) => `  ${logChange(r.name, table, r.target)}`),
    "END IF;",
  ];
}

function formula(r: FormulaRule, table: TableIr, tableSql: (n: string) => string): string[] {
  const inputs = inputsOf(r).filter((c) => c.table === table.name);
  return [
    sqlComment(`formula ${r.name}`),
    `IF ${onInsertOrChange(inputs)} THEN`,
    `  ${col("NEW", r.target)} := ${sqlOf(r.expr, rowScope("NEW", tableSql))};`,
    `  ${logChange(r.name, table, r.target)}`,
    "END IF;",
  ];
}

/** Stateful: the column keeps its own value and moves by `by` when an input changes (never on insert). */
function adjust(r: AdjustRule, table: TableIr, tableSql: (n: string) => string): string[] {
  const inputs = inputsOf(r).filter((c) => c.table === table.name);
  const scope = rowScope("NEW", tableSql, "OLD");
  return [
    sqlComment(`adjustBy ${r.name}`),
    `IF TG_OP = 'UPDATE' AND (${changed(inputs)}) THEN`,
    `  ${col("NEW", r.target)} := coalesce(${col("NEW", r.target)}, 0) + ${sqlOf(r.by, scope)};`,
    `  ${logChange(r.name, table, r.target)}`,
    "END IF;",
  ];
}

/** Logs only real changes: a formula re-evaluated to the same value is not news. */
function logChange(rule: string, table: TableIr, target: ColumnRef): string {
  const line = debugLog(rule, table, keySql(table.pk, "NEW"), target.name, col("OLD", target), col("NEW", target));
  return `IF ${col("NEW", target)} IS DISTINCT FROM ${col("OLD", target)} THEN ${line} END IF;`;
}
