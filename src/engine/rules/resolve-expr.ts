/**
 * Resolves spec expressions to IR: each drizzle column becomes the row's own
 * column or a parent column reached through a discovered (or given) foreign key.
 * Columns the place does not allow are reported as unknown, naming the rule.
 */
import { Column, is, Param, SQL, StringChunk } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Catalog, ForeignKeyRef } from "./catalog";
import type { DiagnosticSink } from "./diagnostics";
import type { Literal, SpecExpr, SpecExprKind } from "./expr";
import type { IrExpr } from "./ir";
import type { AnyColumn } from "./types";

export interface ExprPlace {
  readonly rule: string;
  /** The table whose row the expression reads. */
  readonly own: PgTable;
  /** Names the place in diagnostics: "where", "formula", "condition"… */
  readonly what: string;
  readonly parents: boolean;
  readonly change: boolean;
}

export interface ResolveTools {
  readonly catalog: Catalog;
  readonly sink: DiagnosticSink;
  /** The foreign key from child to parent (optionally the one holding `via`), or a diagnostic. */
  fk(rule: string, child: PgTable, parent: PgTable, via?: AnyColumn): ForeignKeyRef | undefined;
}

type Resolvers = { [K in SpecExprKind]: (n: Extract<SpecExpr, { kind: K }>, p: ExprPlace, t: ResolveTools) => IrExpr | undefined };

const all = (xs: readonly SpecExpr[], p: ExprPlace, t: ResolveTools): IrExpr[] | undefined => {
  const out = xs.map((x) => resolveExpr(x, p, t));
  return out.every((x): x is IrExpr => x !== undefined) ? out : undefined;
};

const RESOLVE: Resolvers = {
  column: (n, p, t) => resolveColumn(n.column, n.via, p, t),
  literal: (n) => ({ kind: "literal", value: n.value }),
  binary: (n, p, t) => {
    const [left, right] = all([n.left, n.right], p, t) ?? [];
    return left && right ? { kind: "binary", op: n.op, left, right } : undefined;
  },
  logical: (n, p, t) => {
    const operands = all(n.operands, p, t);
    return operands ? { kind: "logical", op: n.op, operands } : undefined;
  },
  not: (n, p, t) => unary("not", n.operand, p, t),
  negate: (n, p, t) => unary("negate", n.operand, p, t),
  isNull: (n, p, t) => {
    const operand = resolveExpr(n.operand, p, t);
    return operand ? { kind: "isNull", operand, negated: n.negated } : undefined;
  },
  case: (n, p, t) => {
    const [when, then, otherwise] = all([n.when, n.then, n.otherwise], p, t) ?? [];
    return when && then && otherwise ? { kind: "case", when, then, otherwise } : undefined;
  },
  call: (n, p, t) => {
    const args = all(n.args, p, t);
    return args ? { kind: "call", fn: n.fn, args } : undefined;
  },
  change: (n, p, t) => {
    if (!p.change) {
      t.sink.report(p.rule, `e.change(${n.column.name}) is only allowed in adjustBy rules`);
      return undefined;
    }
    const own = resolveColumn(n.column, undefined, { ...p, parents: false }, t);
    return own?.kind === "column" ? { kind: "change", column: own.column } : undefined;
  },
  raw: (n, p, t) => resolveRaw(n.sql, p, t),
};

export function resolveExpr(node: SpecExpr, place: ExprPlace, tools: ResolveTools): IrExpr | undefined {
  const resolved = (RESOLVE[node.kind] as (n: SpecExpr, p: ExprPlace, t: ResolveTools) => IrExpr | undefined)(node, place, tools);
  return resolved && Object.freeze(resolved);
}

function unary(kind: "not" | "negate", operand: SpecExpr, p: ExprPlace, t: ResolveTools): IrExpr | undefined {
  const o = resolveExpr(operand, p, t);
  return o ? { kind, operand: o } : undefined;
}

function resolveColumn(column: AnyColumn, via: AnyColumn | undefined, p: ExprPlace, t: ResolveTools): IrExpr | undefined {
  const ref = t.catalog.column(column);
  const own = t.catalog.table(p.own).name;
  if (column.table === p.own && !via) return { kind: "column", column: ref };
  if (!p.parents) {
    t.sink.report(p.rule, `unknown column ${ref.table}.${ref.name} in ${p.what}: only columns of ${own} may be used here`);
    return undefined;
  }
  if (via && via.table !== p.own) {
    t.sink.report(p.rule, `unknown column ${t.catalog.column(via).table}.${via.name} in via: it is not a column of ${own}`);
    return undefined;
  }
  if (!via && t.catalog.foreignKeys(p.own, column.table).length === 0) {
    t.sink.report(p.rule, `unknown column ${ref.table}.${ref.name} in ${p.what}: not a column of ${own} or of a parent of ${own}`);
    return undefined;
  }
  const fk = t.fk(p.rule, p.own, column.table, via);
  return fk ? { kind: "column", column: ref, fk } : undefined;
}

/** Walks a drizzle `sql` template: text stays verbatim, columns and values are resolved. */
function resolveRaw(sqlTemplate: SQL, p: ExprPlace, t: ResolveTools): IrExpr | undefined {
  const parts: (string | IrExpr)[] = [];
  let ok = true;
  const visit = (chunk: unknown): void => {
    if (is(chunk, StringChunk)) parts.push(chunk.value.join(""));
    else if (is(chunk, SQL)) chunk.queryChunks.forEach(visit);
    else if (is(chunk, Column)) {
      const c = resolveColumn(chunk as AnyColumn, undefined, p, t);
      if (c) parts.push(c); else ok = false;
    } else if (is(chunk, Param)) visit(chunk.value);
    else if (isLiteral(chunk)) parts.push({ kind: "literal", value: chunk });
    else {
      t.sink.report(p.rule, `unsupported part in sql template of ${p.what}: only text, columns and literal values`);
      ok = false;
    }
  };
  visit(sqlTemplate);
  return ok ? { kind: "raw", parts: Object.freeze(parts) } : undefined;
}

function isLiteral(x: unknown): x is Literal {
  return x === null || ["string", "number", "boolean"].includes(typeof x);
}
