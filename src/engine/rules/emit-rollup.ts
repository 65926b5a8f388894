/**
 * Statement-level AFTER triggers on a child table that keep its parents' sums and
 * counts by delta: per statement, Σ new contributions − Σ old contributions from the
 * transition tables, grouped by parent key; parents locked in key order, then one
 * UPDATE per foreign key for all rollups through it. Never re-aggregates.
 */
import { qualified, quoteIdent, sqlComment } from "../sql/quote";
import type { ColumnRef, ForeignKeyRef, RollupRule, RuleSetIr, TableIr } from "./ir";
import { DEBUG_ENABLED, debugLog, objectName, triggerDdl, triggerFunction } from "./plpgsql";
import { col, rowScope, sqlOf } from "./sql-expr";

interface Group { fk: ForeignKeyRef; rules: RollupRule[] }

type Event = "INSERT" | "DELETE" | "UPDATE";

/** Transition tables need a trigger per event; each reads the sides its event has. */
const EVENTS: Record<Event, { role: string; old?: string; new?: string }> = {
  INSERT: { role: "rollup_ins", new: "new_rows" },
  DELETE: { role: "rollup_del", old: "old_rows" },
  UPDATE: { role: "rollup_upd", old: "old_rows", new: "new_rows" },
};

export function emitRollup(ir: RuleSetIr, child: TableIr): string[] {
  const rollups = ir.rules.filter((r): r is RollupRule => (r.kind === "sum" || r.kind === "count") && r.child.name === child.name);
  if (rollups.length === 0) return [];
  const groups = groupByForeignKey(rollups);
  const tableSql = (name: string) => qualified(ir.schema, name);
  return (Object.keys(EVENTS) as Event[]).flatMap((event) => {
    const { role, ...transition } = EVENTS[event];
    const fn = objectName(child.name, role);
    const body = groups.flatMap((g) => groupBody(g, transition, tableSql));
    return [
      triggerFunction({ schema: ir.schema, name: fn, declare: ["r record;", `logging boolean := ${DEBUG_ENABLED};`], body, returns: "NULL" }),
      triggerDdl({ schema: ir.schema, table: child.name, name: fn, fn, timing: "AFTER", event, transition }),
    ];
  });
}

function groupByForeignKey(rollups: RollupRule[]): Group[] {
  const groups = new Map<string, Group>();
  for (const rule of rollups) {
    const group = groups.get(rule.fk.name) ?? { fk: rule.fk, rules: [] };
    group.rules.push(rule);
    groups.set(rule.fk.name, group);
  }
  return [...groups.values()];
}

/** A row's contribution to one rollup: 0 unless it passes `where`; sums in numeric so old and new cancel exactly. */
function contribution(rule: RollupRule, row: string, tableSql: (n: string) => string): string {
  const value = rule.kind === "sum" ? `coalesce(${col(row, rule.value)}, 0)::numeric` : "1";
  return rule.where ? `CASE WHEN ${sqlOf(rule.where, rowScope(row, tableSql))} THEN ${value} ELSE 0 END` : value;
}

const negate = (value: string) => (value === "1" ? "-1" : `-(${value})`);

/**
 * One statement per foreign key: `d` sums the deltas per parent key (null keys
 * adjust nothing), `l` locks the parents with a non-zero delta in key order, so
 * concurrent statements cannot deadlock on them, and the UPDATE adds the deltas.
 */
function groupBody(g: Group, rows: { old?: string; new?: string }, tableSql: (n: string) => string): string[] {
  const keys = g.fk.columns.map((c, i) => ({ child: c, parent: g.fk.parentColumns[i] as ColumnRef, k: `k${i + 1}` }));
  const slots = g.rules.map((rule, i) => ({ rule, v: `v${i + 1}`, d: `d${i + 1}` }));
  const side = (table: string, alias: string, sign: "+" | "-") =>
    `SELECT ${[
      ...keys.map((k) => `${col(alias, k.child)} AS ${k.k}`),
      ...slots.map((s) => `${sign === "-" ? negate(contribution(s.rule, alias, tableSql)) : contribution(s.rule, alias, tableSql)} AS ${s.v}`),
    ].join(", ")} FROM ${quoteIdent(table)} ${alias}`;
  const sides = [...(rows.new ? [side(rows.new, "n", "+")] : []), ...(rows.old ? [side(rows.old, "o", "-")] : [])];
  const keyList = keys.map((k) => `x.${k.k}`).join(", ");
  const parentKeys = keys.map((k) => col("p", k.parent)).join(", ");
  const rowKey = keys.length === 1 ? `r.${keys[0]?.k}` : `ROW(${keys.map((k) => `r.${k.k}`).join(", ")})::text`;
  return [
    sqlComment(`${g.rules.map((r) => r.name).join(", ")}: ${g.fk.parent} through ${g.fk.name}`),
    "FOR r IN",
    "  WITH d AS (",
    `    SELECT ${keyList}, ${slots.map((s) => `sum(x.${s.v}) AS ${s.d}`).join(", ")}`,
    `      FROM (${sides.join("\n        UNION ALL ")}) x`,
    `      WHERE ${keys.map((k) => `x.${k.k} IS NOT NULL`).join(" AND ")} GROUP BY ${keyList}`,
    "  ), l AS MATERIALIZED (",
    `    SELECT d.* FROM ${tableSql(g.fk.parent)} p JOIN d ON ${keys.map((k) => `${col("p", k.parent)} = d.${k.k}`).join(" AND ")}`,
    `      WHERE ${slots.map((s) => `d.${s.d} <> 0`).join(" OR ")}`,
    `      ORDER BY ${parentKeys} FOR NO KEY UPDATE OF p`,
    "  )",
    `  UPDATE ${tableSql(g.fk.parent)} p SET ${slots.map((s) =>
      `${quoteIdent(s.rule.target.name)} = ${col("p", s.rule.target)} + l.${s.d}`).join(", ")}`,
    `    FROM l WHERE ${keys.map((k) => `${col("p", k.parent)} = l.${k.k}`).join(" AND ")}`,
    `    RETURNING ${[...keys.map((k) => `l.${k.k}`), ...slots.flatMap((s) => [`${col("p", s.rule.target)} AS ${s.v}`, `l.${s.d}`])].join(", ")}`,
    "LOOP",
    ...slots.map((s) => `  IF logging AND r.${s.d} <> 0 THEN ${
      debugLog(s.rule.name, g.fk.parent, rowKey, s.rule.target.name, `r.${s.v} - r.${s.d}`, `r.${s.v}`)} END IF;`),
    "END LOOP;",
  ];
}
