/**
 * The BEFORE INSERT/UPDATE row trigger of one table: parent checks, copies from
 * parents (on insert or key change only), then formulas and adjustBy rules in
 * dependency order, each guarded so it runs on insert or when an input changed.
 * Each parent is read once per row, only when a rule that needs it may run.
 */
import { qualified, quoteLiteral, sqlComment } from "../sql/quote";
import { inputsOf } from "./analyze";
import type { AdjustRule, ColumnRef, CopyRule, ForeignKeyRef, FormulaRule, ParentCheckRule, RuleIr, RuleSetIr, TableIr } from "./ir";
import { messageSql } from "./message";
import { changed, debugLog, keySql, notNull, objectName, triggerDdl, triggerFunction, uniqueColumns } from "./plpgsql";
import { col, columnsOf, fkMatch, rowScope, sqlOf, type ExprScope } from "./sql-expr";

type Derived = CopyRule | FormulaRule | AdjustRule;

/** One row variable holding the parent's columns the table's rules read through `fk`. */
interface ParentRead { fk: ForeignKeyRef; variable: string; columns: ColumnRef[]; users: RuleIr[] }

interface Context { table: TableIr; tableSql: (n: string) => string; reads: ReadonlyMap<string, ParentRead> }

export function emitBefore(ir: RuleSetIr, table: TableIr): string[] {
  const checks = ir.rules.filter((r): r is ParentCheckRule => r.kind === "parentCheck" && r.table.name === table.name);
  const copies = ir.rules.filter((r): r is CopyRule => r.kind === "copy" && r.table.name === table.name);
  const derived = ir.order.filter((r): r is FormulaRule | AdjustRule =>
    (r.kind === "formula" || r.kind === "adjust") && r.table.name === table.name);
  if (checks.length + copies.length + derived.length === 0) return [];
  const tableSql = (name: string) => qualified(ir.schema, name);
  const reads = parentReads(table, checks, copies, derived);
  const ctx: Context = { table, tableSql, reads };
  const checked = new Set<string>();
  const body = [
    // Checks keep their declaration order; a check shares the read of its parent when there is one.
    ...checks.flatMap((r) => {
      const read = reads.get(r.fk.name);
      if (!read) return parentCheck(r, tableSql);
      if (checked.has(r.fk.name)) return [];
      checked.add(r.fk.name);
      return readParent(read, [...copies, ...derived], checks, ctx);
    }),
    ...[...reads.values()].filter((read) => !checked.has(read.fk.name)).flatMap((read) => readParent(read, [...copies, ...derived], [], ctx)),
    ...copyGroups(copies).flatMap((g) => copyGroup(g, ctx)),
    ...derived.flatMap((r) => (r.kind === "formula" ? formula(r, ctx) : adjust(r, ctx))),
  ];
  const fn = objectName(table.name, "before");
  const inputs = uniqueColumns([...checks, ...copies, ...derived].flatMap(inputsOf).filter((c) => c.table === table.name));
  const declare = [...reads.values()].map((read) => `${read.variable} ${tableSql(read.fk.parent)}%ROWTYPE;`);
  const trigger = { schema: ir.schema, table: table.name, fn, timing: "BEFORE" as const };
  return [
    triggerFunction({ schema: ir.schema, name: fn, declare, body, returns: "NEW" }),
    triggerDdl({ ...trigger, name: objectName(table.name, "before_ins"), event: "INSERT" }),
    ...(inputs.length ? [triggerDdl({ ...trigger, name: objectName(table.name, "before_upd"), event: "UPDATE", when: changed(inputs) })] : []),
  ];
}

const onInsertOrChange = (columns: Parameters<typeof changed>[0]) =>
  columns.length ? `(TG_OP = 'INSERT' OR ${changed(columns)})` : "TG_OP = 'INSERT'";

const ownInputs = (rule: RuleIr, table: TableIr) => inputsOf(rule).filter((c) => c.table === table.name);

/** Parent columns a rule reads through a foreign key (copies read `from`, formulas and adjustBy their expression). */
function parentColumnsOf(rule: RuleIr): { column: ColumnRef; fk: ForeignKeyRef }[] {
  if (rule.kind === "copy") return [{ column: rule.from, fk: rule.fk }];
  const expr = rule.kind === "formula" ? rule.expr : rule.kind === "adjust" ? rule.by : undefined;
  return expr ? columnsOf(expr).filter((c): c is { column: ColumnRef; fk: ForeignKeyRef } => c.fk !== undefined) : [];
}

/**
 * Parents whose columns the rules read, by foreign key. A key column derived in
 * this same trigger could change between the read and its use, so such a parent
 * is read where it is used, as before.
 */
function parentReads(table: TableIr, checks: ParentCheckRule[], copies: CopyRule[], derived: (FormulaRule | AdjustRule)[]): Map<string, ParentRead> {
  const targets = new Set([...copies, ...derived].map((r) => r.target.name));
  const reads = new Map<string, ParentRead>();
  for (const rule of [...copies, ...derived]) {
    for (const { column, fk } of parentColumnsOf(rule)) {
      if (fk.columns.some((c) => targets.has(c.name))) continue;
      const read = reads.get(fk.name) ?? { fk, variable: `p${reads.size + 1}`, columns: [], users: [] };
      read.columns = uniqueColumns([...read.columns, column]);
      if (!read.users.includes(rule)) read.users.push(rule);
      reads.set(fk.name, read);
    }
  }
  for (const check of checks) reads.get(check.fk.name)?.users.unshift(check);
  return reads;
}

/**
 * Own columns whose change can make a user of the read run: its inputs, and the
 * inputs of every rule in this trigger deriving one of them, transitively.
 */
function readInputs(read: ParentRead, rules: Derived[], table: TableIr): ColumnRef[] {
  const columns = new Map(read.users.flatMap((u) => ownInputs(u, table)).map((c) => [c.name, c]));
  for (let grown = true; grown;) {
    grown = false;
    for (const rule of rules) {
      if (!columns.has(rule.target.name)) continue;
      for (const c of ownInputs(rule, table)) if (!columns.has(c.name)) { columns.set(c.name, c); grown = true; }
    }
  }
  return [...columns.values()];
}

function readParent(read: ParentRead, rules: Derived[], checks: ParentCheckRule[], ctx: Context): string[] {
  const { fk, variable } = read;
  const inputs = readInputs(read, rules, ctx.table);
  // adjustBy never runs on insert, so a parent read only adjustBy needs skips inserts too.
  const when = read.users.some((u) => u.kind !== "adjust") ? onInsertOrChange(inputs) : `TG_OP = 'UPDATE' AND (${changed(inputs)})`;
  const ownChecks = checks.filter((c) => c.fk.name === fk.name);
  return [
    sqlComment(`${fk.parent} through ${fk.name}, read once for ${read.users.map((u) => `${u.kind} ${u.name}`).join(", ")}`),
    `IF ${when} AND ${notNull(fk.columns, "NEW")} THEN`,
    `  SELECT ${read.columns.map((c) => col("p", c)).join(", ")} INTO ${read.columns.map((c) => col(variable, c)).join(", ")}`,
    `    FROM ${ctx.tableSql(fk.parent)} p WHERE ${fkMatch(fk, "p", "NEW")};`,
    ...ownChecks.flatMap((r) => [
      `  IF NOT FOUND AND ${onInsertOrChange(r.fk.columns)} THEN`,
      `    ${raiseParentMissing(r)}`,
      "  END IF;",
    ]),
    "END IF;",
  ];
}

function raiseParentMissing(r: ParentCheckRule): string {
  return `RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = ${messageSql(r.message, "NEW")}, CONSTRAINT = ${quoteLiteral(r.name)};`;
}

function parentCheck(r: ParentCheckRule, tableSql: (n: string) => string): string[] {
  return [
    sqlComment(`parentCheck ${r.name}`),
    `IF ${onInsertOrChange(r.fk.columns)} AND ${notNull(r.fk.columns, "NEW")}`,
    `    AND NOT EXISTS (SELECT 1 FROM ${tableSql(r.fk.parent)} p WHERE ${fkMatch(r.fk, "p", "NEW")}) THEN`,
    `  ${raiseParentMissing(r)}`,
    "END IF;",
  ];
}

/** Copies through one foreign key share one parent read. */
function copyGroups(copies: CopyRule[]): CopyRule[][] {
  const groups = new Map<string, CopyRule[]>();
  for (const c of copies) groups.set(c.fk.name, [...(groups.get(c.fk.name) ?? []), c]);
  return [...groups.values()];
}

function copyGroup(group: CopyRule[], ctx: Context): string[] {
  const fk = (group[0] as CopyRule).fk;
  const read = ctx.reads.get(fk.name);
  return [
    sqlComment(`copy ${group.map((r) => r.name).join(", ")}: on insert and when ${fk.name} changes, never later`),
    `IF ${onInsertOrChange(fk.columns)} AND ${notNull(fk.columns, "NEW")} THEN`,
    ...(read
      ? group.map((r) => `  ${col("NEW", r.target)} := ${col(read.variable, r.from)};`)
      : [
        `  SELECT ${group.map((r) => col("p", r.from)).join(", ")} INTO ${group.map((r) => col("NEW", r.target)).join(", ")}`,
        `    FROM ${ctx.tableSql(fk.parent)} p WHERE ${fkMatch(fk, "p", "NEW")};`,
      ]),
    ...group.map((r) => `  ${logChange(r.name, ctx.table, r.target)}`),
    "END IF;",
  ];
}

/** Parent columns come from the row's read of that parent when there is one. */
function scopeOf(ctx: Context, old?: string): ExprScope {
  const base = rowScope("NEW", ctx.tableSql, old);
  return {
    ...base,
    column: (column, fk) => {
      const read = fk && ctx.reads.get(fk.name);
      return read ? col(read.variable, column) : base.column(column, fk);
    },
  };
}

function formula(r: FormulaRule, ctx: Context): string[] {
  return [
    sqlComment(`formula ${r.name}`),
    `IF ${onInsertOrChange(ownInputs(r, ctx.table))} THEN`,
    `  ${col("NEW", r.target)} := ${sqlOf(r.expr, scopeOf(ctx))};`,
    `  ${logChange(r.name, ctx.table, r.target)}`,
    "END IF;",
  ];
}

/** Stateful: the column keeps its own value and moves by `by` when an input changes (never on insert). */
function adjust(r: AdjustRule, ctx: Context): string[] {
  return [
    sqlComment(`adjustBy ${r.name}`),
    `IF TG_OP = 'UPDATE' AND (${changed(ownInputs(r, ctx.table))}) THEN`,
    `  ${col("NEW", r.target)} := coalesce(${col("NEW", r.target)}, 0) + ${sqlOf(r.by, scopeOf(ctx, "OLD"))};`,
    `  ${logChange(r.name, ctx.table, r.target)}`,
    "END IF;",
  ];
}

/** Logs only real changes: a formula re-evaluated to the same value is not news. */
function logChange(rule: string, table: TableIr, target: ColumnRef): string {
  const line = debugLog(rule, table, keySql(table.pk, "NEW"), target.name, col("OLD", target), col("NEW", target));
  return `IF ${col("NEW", target)} IS DISTINCT FROM ${col("OLD", target)} THEN ${line} END IF;`;
}
