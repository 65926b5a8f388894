/**
 * Stage 1 of the compiler: rule specs to IR. Finds the foreign keys between
 * child and parent, resolves expressions and message templates, and reports
 * mistakes (unknown columns, missing or ambiguous keys, wrong types) per rule.
 */
import type { PgTable } from "drizzle-orm/pg-core";
import { createCatalog, type Catalog, type ForeignKeyRef } from "./catalog";
import type { DiagnosticSink } from "./diagnostics";
import type { SpecExpr } from "./expr";
import type { IrExpr, MessagePart, RuleIr, TableIr } from "./ir";
import { parseMessage } from "./message";
import { columnsOf } from "./sql-expr";
import { resolveExpr, type ExprPlace, type ResolveTools } from "./resolve-expr";
import type { RuleKind, RuleSet, RuleSpec } from "./spec";
import type { AnyColumn } from "./types";

interface Context extends ResolveTools {
  tableIr(table: PgTable): TableIr;
  expr(node: SpecExpr, place: Omit<ExprPlace, "rule">, rule: string): IrExpr | undefined;
  numeric(rule: string, column: AnyColumn, role: string): boolean;
}

type Resolvers = { [K in RuleKind]: (spec: Extract<RuleSpec, { kind: K }>, name: string, cx: Context) => RuleIr | undefined };

const RESOLVE: Resolvers = {
  sum: (s, name, cx) => {
    const fk = cx.fk(name, s.of.table, s.target.table, s.via);
    const where = s.where && cx.expr(s.where, { own: s.of.table, what: "where", parents: false, change: false }, name);
    if (!cx.numeric(name, s.target, "target") || !cx.numeric(name, s.of, "summed column") || !fk) return undefined;
    if (s.where && !where) return undefined;
    return { kind: "sum", name, table: cx.tableIr(s.target.table), target: cx.catalog.column(s.target),
      child: cx.tableIr(s.of.table), fk, value: cx.catalog.column(s.of), where };
  },
  count: (s, name, cx) => {
    const fk = cx.fk(name, s.of, s.target.table, s.via);
    const where = s.where && cx.expr(s.where, { own: s.of, what: "where", parents: false, change: false }, name);
    if (!cx.numeric(name, s.target, "target") || !fk || (s.where && !where)) return undefined;
    return { kind: "count", name, table: cx.tableIr(s.target.table), target: cx.catalog.column(s.target),
      child: cx.tableIr(s.of), fk, where };
  },
  formula: (s, name, cx) => {
    const expr = cx.expr(s.expr, { own: s.target.table, what: "formula", parents: true, change: false }, name);
    return expr && { kind: "formula", name, table: cx.tableIr(s.target.table), target: cx.catalog.column(s.target), expr };
  },
  adjust: (s, name, cx) => {
    const by = cx.expr(s.by, { own: s.target.table, what: "adjustBy", parents: false, change: true }, name);
    // It runs when one of its inputs changes, so without inputs it would never run.
    const inert = by !== undefined && columnsOf(by).length === 0;
    if (inert) cx.sink.report(name, "adjustBy reads no column, so it would never run; use e.change(column)");
    if (!cx.numeric(name, s.target, "target") || !by || inert) return undefined;
    return { kind: "adjust", name, table: cx.tableIr(s.target.table), target: cx.catalog.column(s.target), by };
  },
  copy: (s, name, cx) => {
    const fk = cx.fk(name, s.target.table, s.from.table, s.via);
    const [target, from] = [cx.catalog.column(s.target), cx.catalog.column(s.from)];
    if (target.type !== from.type) cx.sink.report(name, `cannot copy ${from.type} ${from.table}.${from.name} into ${target.type} ${target.name}`);
    return fk && target.type === from.type ? { kind: "copy", name, table: cx.tableIr(s.target.table), target, fk, from } : undefined;
  },
  constraint: (s, name, cx) => {
    const table = cx.catalog.table(s.table);
    const condition = cx.expr(s.condition, { own: s.table, what: "condition", parents: false, change: false }, name);
    const message = messageParts(name, s.message, table.byKey, cx);
    if (table.pk.length === 0) cx.sink.report(name, `table ${table.name} has no primary key: a constraint re-reads its row by key at commit`);
    if (!condition || !message || table.pk.length === 0) return undefined;
    return { kind: "constraint", name, table: cx.tableIr(s.table), condition, message };
  },
  parentCheck: (s, name, cx) => {
    const fk = fkOfColumn(name, s.fk, cx);
    if (!fk) return undefined;
    const child = cx.catalog.column(s.fk);
    const message = s.message === undefined
      ? defaultParentMessage(fk, child.key)
      : messageParts(name, s.message, cx.catalog.table(s.fk.table).byKey, cx);
    return message && { kind: "parentCheck", name, table: cx.tableIr(s.fk.table), fk, message };
  },
};

export interface Resolved { rules: RuleIr[]; tables: Map<string, TableIr> }

/** Resolves every rule; diagnostics go to the sink, failed rules are left out. */
export function resolveRules(set: RuleSet, sink: DiagnosticSink): Resolved {
  const tables = new Map<string, TableIr>();
  const cx = createContext(set, sink, tables);
  const names = new Set<string>();
  const out: RuleIr[] = [];
  for (const spec of set.rules) {
    const name = spec.name ?? defaultName(spec, cx.catalog);
    if (names.has(name)) sink.report(name, "two rules have this name; names must be unique");
    names.add(name);
    const ir = (RESOLVE[spec.kind] as (s: RuleSpec, n: string, c: Context) => RuleIr | undefined)(spec, name, cx);
    if (ir) out.push(Object.freeze(ir));
  }
  return { rules: out, tables };
}

function createContext(set: RuleSet, sink: DiagnosticSink, tables: Map<string, TableIr>): Context {
  const catalog = createCatalog();
  const tableIr = (table: PgTable): TableIr => {
    const info = catalog.table(table);
    const known = tables.get(info.name);
    if (known) return known;
    if (info.schema !== undefined && info.schema !== set.schema) {
      sink.report(info.name, `table is in schema ${info.schema}, the rule set compiles for ${set.schema}`);
    }
    const made = Object.freeze({ name: info.name, pk: info.pk });
    tables.set(info.name, made);
    return made;
  };
  const cx: Context = {
    catalog, sink, tableIr,
    fk: (rule, child, parent, via) => {
      [child, parent].forEach(tableIr);
      return pickForeignKey(rule, catalog, sink, child, parent, via);
    },
    expr: (node, place, rule) => resolveExpr(node, { ...place, rule }, cx),
    numeric: (rule, column, role) => {
      const ref = catalog.column(column);
      if (ref.type !== "numeric") sink.report(rule, `${role} ${ref.table}.${ref.name} is ${ref.type}, not numeric`);
      return ref.type === "numeric";
    },
  };
  return cx;
}

function pickForeignKey(rule: string, catalog: Catalog, sink: DiagnosticSink, child: PgTable, parent: PgTable,
  via?: AnyColumn): ForeignKeyRef | undefined {
  const [c, p] = [catalog.table(child).name, catalog.table(parent).name];
  const viaName = via && catalog.column(via).name;
  const fks = catalog.foreignKeys(child, parent).filter((fk) => !viaName || fk.columns.some((x) => x.name === viaName));
  if (fks.length === 1) return fks[0];
  if (fks.length === 0) {
    sink.report(rule, `no foreign key from ${c} to ${p}${viaName ? ` through ${c}.${viaName}` : ""}`);
  } else {
    sink.report(rule, `${fks.length} foreign keys from ${c} to ${p} (${fks.map((f) => f.name).join(", ")}): pass \`via\` to pick one`);
  }
  return undefined;
}

function fkOfColumn(rule: string, column: AnyColumn, cx: Context): ForeignKeyRef | undefined {
  const ref = cx.catalog.column(column);
  const fks = cx.catalog.foreignKeys(column.table).filter((fk) => fk.columns.some((c) => c.name === ref.name));
  if (fks.length === 1) return fks[0];
  cx.sink.report(rule, fks.length === 0
    ? `${ref.table}.${ref.name} is not part of a foreign key`
    : `${ref.table}.${ref.name} is part of ${fks.length} foreign keys (${fks.map((f) => f.name).join(", ")})`);
  return undefined;
}

function messageParts(rule: string, template: string, columns: Parameters<typeof parseMessage>[1], cx: Context):
  MessagePart[] | undefined {
  const { parts, unknown } = parseMessage(template, columns);
  for (const key of unknown) cx.sink.report(rule, `unknown column {${key}} in message; known: ${[...columns.keys()].join(", ")}`);
  return unknown.length === 0 ? parts : undefined;
}

function defaultParentMessage(fk: ForeignKeyRef, key: string): MessagePart[] {
  const column = fk.columns.find((c) => c.key === key) ?? fk.columns[0];
  const parts: MessagePart[] = [{ kind: "text", text: `${fk.child}.${column?.name ?? key} (` }];
  if (column) parts.push({ kind: "value", column });
  parts.push({ kind: "text", text: `) references no existing ${fk.parent}` });
  return parts;
}

type Namers = { [K in RuleKind]: (spec: Extract<RuleSpec, { kind: K }>, catalog: Catalog) => string };

/** Derivations are named after the column they derive, parent checks after their key column. */
const derivedName = (spec: { target: AnyColumn }, catalog: Catalog) => {
  const c = catalog.column(spec.target);
  return `${c.table}_${c.name}`;
};
const DEFAULT_NAME: Namers = {
  sum: derivedName, count: derivedName, formula: derivedName, adjust: derivedName, copy: derivedName,
  constraint: (spec) => spec.name,
  parentCheck: (spec, catalog) => { const c = catalog.column(spec.fk); return `${c.table}_${c.name}_parent`; },
};

function defaultName(spec: RuleSpec, catalog: Catalog): string {
  return (DEFAULT_NAME[spec.kind] as (s: RuleSpec, c: Catalog) => string)(spec, catalog);
}
