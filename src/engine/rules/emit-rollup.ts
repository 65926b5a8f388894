/**
 * The AFTER row trigger on a child table that keeps its parents' sums and counts
 * by delta: old contribution out, new contribution in, one UPDATE per parent row
 * for all rollups through the same foreign key. Never re-aggregates.
 */
import { qualified, quoteIdent, sqlComment } from "../sql/quote";
import { inputsOf } from "./analyze";
import type { ColumnRef, ForeignKeyRef, RollupRule, RuleSetIr, TableIr } from "./ir";
import { changed, debugLog, notNull, objectName, triggerDdl, triggerFunction, uniqueColumns } from "./plpgsql";
import { col, fkMatch, rowScope, sqlOf } from "./sql-expr";

interface Slot { rule: RollupRule; old: string; new: string; result: string }
interface Group { fk: ForeignKeyRef; slots: Slot[] }

export function emitRollup(ir: RuleSetIr, child: TableIr): string[] {
  const rollups = ir.rules.filter((r): r is RollupRule => (r.kind === "sum" || r.kind === "count") && r.child.name === child.name);
  if (rollups.length === 0) return [];
  const groups = groupByForeignKey(rollups);
  const tableSql = (name: string) => qualified(ir.schema, name);
  const declare = groups.flatMap((g) => g.slots.map((s) => `${s.old} numeric := 0; ${s.new} numeric := 0; ${s.result} numeric;`));
  const body = groups.flatMap((g) => groupBody(g, tableSql));
  const fn = objectName(child.name, "rollup");
  const inputs = uniqueColumns(rollups.flatMap(inputsOf));
  const trigger = { schema: ir.schema, table: child.name, fn, timing: "AFTER" as const };
  return [
    triggerFunction({ schema: ir.schema, name: fn, declare, body, returns: "NULL" }),
    triggerDdl({ ...trigger, name: objectName(child.name, "rollup_ins_del"), event: "INSERT OR DELETE" }),
    triggerDdl({ ...trigger, name: objectName(child.name, "rollup_upd"), event: "UPDATE", when: changed(inputs) }),
  ];
}

function groupByForeignKey(rollups: RollupRule[]): Group[] {
  const groups = new Map<string, Group>();
  let n = 0;
  for (const rule of rollups) {
    const group = groups.get(rule.fk.name) ?? { fk: rule.fk, slots: [] };
    n += 1;
    group.slots.push({ rule, old: `o${n}`, new: `n${n}`, result: `v${n}` });
    groups.set(rule.fk.name, group);
  }
  return [...groups.values()];
}

/** The row's contribution to one rollup: 0 unless it passes `where`. */
function contribution(rule: RollupRule, row: string, tableSql: (n: string) => string): string {
  const value = rule.kind === "sum" ? `coalesce(${col(row, rule.value)}, 0)` : "1";
  return rule.where ? `CASE WHEN ${sqlOf(rule.where, rowScope(row, tableSql))} THEN ${value} ELSE 0 END` : value;
}

function groupBody(g: Group, tableSql: (n: string) => string): string[] {
  const keys = g.fk.columns;
  const same = keys.map((c) => `${col("OLD", c)} IS NOT DISTINCT FROM ${col("NEW", c)}`).join(" AND ");
  const rowKey = (cols: readonly ColumnRef[], row: string) =>
    cols.length === 1 ? col(row, cols[0] as ColumnRef) : `ROW(${cols.map((c) => col(row, c)).join(", ")})`;
  const oldSide = adjustParent(g, "OLD", "-", tableSql);
  const newSide = adjustParent(g, "NEW", "+", tableSql);
  return [
    sqlComment(`${g.slots.map((s) => s.rule.name).join(", ")}: ${g.fk.parent} through ${g.fk.name}`),
    `IF TG_OP <> 'INSERT' AND ${notNull(keys, "OLD")} THEN`,
    ...g.slots.map((s) => `  ${s.old} := ${contribution(s.rule, "OLD", tableSql)};`),
    "END IF;",
    `IF TG_OP <> 'DELETE' AND ${notNull(keys, "NEW")} THEN`,
    ...g.slots.map((s) => `  ${s.new} := ${contribution(s.rule, "NEW", tableSql)};`),
    "END IF;",
    `IF TG_OP = 'UPDATE' AND ${same} THEN`,
    ...indent(adjustParent(g, "NEW", "delta", tableSql)),
    // Re-parenting locks the two parents in key order, so two opposite moves cannot deadlock.
    `ELSIF TG_OP = 'UPDATE' AND ${rowKey(keys, "OLD")} > ${rowKey(keys, "NEW")} THEN`,
    ...indent([...newSide, ...oldSide]),
    "ELSE",
    ...indent([...oldSide, ...newSide]),
    "END IF;",
  ];
}

/** One UPDATE of the parent row reached through `row`'s key, adding +new, −old or the delta. */
function adjustParent(g: Group, row: "OLD" | "NEW", mode: "+" | "-" | "delta", tableSql: (n: string) => string): string[] {
  const amount = (s: Slot) => (mode === "+" ? s.new : mode === "-" ? s.old : `(${s.new} - ${s.old})`);
  const nonZero = g.slots.map((s) => (mode === "delta" ? `${s.new} <> ${s.old}` : `${amount(s)} <> 0`)).join(" OR ");
  const sets = g.slots.map((s) =>
    `${quoteIdent(s.rule.target.name)} = ${col("p", s.rule.target)} ${mode === "-" ? "-" : "+"} ${amount(s)}`);
  const key = g.fk.columns.length === 1 ? col(row, g.fk.columns[0] as ColumnRef) : `ROW(${g.fk.columns.map((c) => col(row, c)).join(", ")})::text`;
  return [
    `IF ${nonZero} THEN`,
    `  UPDATE ${tableSql(g.fk.parent)} p SET ${sets.join(", ")}`,
    `    WHERE ${fkMatch(g.fk, "p", row)}`,
    `    RETURNING ${g.slots.map((s) => col("p", s.rule.target)).join(", ")} INTO ${g.slots.map((s) => s.result).join(", ")};`,
    ...g.slots.map((s) => {
      const before = `${s.result} ${mode === "-" ? "+" : "-"} ${amount(s)}`;
      return `  IF FOUND AND ${mode === "delta" ? `${s.new} <> ${s.old}` : `${amount(s)} <> 0`} THEN ${
        debugLog(s.rule.name, g.fk.parent, key, s.rule.target.name, before, s.result)} END IF;`;
    }),
    "END IF;",
  ];
}

const indent = (lines: string[]) => lines.map((l) => `  ${l}`);
