/**
 * IR expressions to SQL text. A scope says how a column reads in the place the
 * expression lands (NEW."x" in a trigger, c."x" in a set-based UPDATE, a scalar
 * subquery for a parent column); all quoting goes through engine/sql/quote.
 */
import { quoteIdent, quoteLiteral } from "../sql/quote";
import type { ColumnRef, ForeignKeyRef, IrExpr, IrExprKind } from "./ir";
import type { Literal } from "./expr";

export interface ExprScope {
  column(column: ColumnRef, fk: ForeignKeyRef | undefined): string;
  change(column: ColumnRef): string;
}

type Emitters = { [K in IrExprKind]: (node: Extract<IrExpr, { kind: K }>, scope: ExprScope) => string };

const EMIT: Emitters = {
  column: (n, s) => s.column(n.column, n.fk),
  literal: (n) => literalSql(n.value),
  binary: (n, s) => `(${sqlOf(n.left, s)} ${n.op} ${sqlOf(n.right, s)})`,
  logical: (n, s) => `(${n.operands.map((o) => sqlOf(o, s)).join(` ${n.op.toUpperCase()} `)})`,
  not: (n, s) => `(NOT ${sqlOf(n.operand, s)})`,
  negate: (n, s) => `(-${sqlOf(n.operand, s)})`,
  isNull: (n, s) => `(${sqlOf(n.operand, s)} IS ${n.negated ? "NOT " : ""}NULL)`,
  case: (n, s) => `CASE WHEN ${sqlOf(n.when, s)} THEN ${sqlOf(n.then, s)} ELSE ${sqlOf(n.otherwise, s)} END`,
  call: (n, s) => `${n.fn}(${n.args.map((a) => sqlOf(a, s)).join(", ")})`,
  change: (n, s) => s.change(n.column),
  raw: (n, s) => n.parts.map((p) => (typeof p === "string" ? p : sqlOf(p, s))).join(""),
};

export function sqlOf(node: IrExpr, scope: ExprScope): string {
  return (EMIT[node.kind] as (n: IrExpr, s: ExprScope) => string)(node, scope);
}

export function literalSql(value: Literal): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return quoteLiteral(value);
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return value < 0 ? `(${value})` : String(value);
}

export const col = (row: string, column: ColumnRef): string => `${row}.${quoteIdent(column.name)}`;

/** `p."a" = NEW."x" AND …`: the parent side of a foreign key matched against a row. */
export function fkMatch(fk: ForeignKeyRef, parentRow: string, childRow: string): string {
  return fk.columns.map((c, i) => `${col(parentRow, fk.parentColumns[i] as ColumnRef)} = ${col(childRow, c)}`).join(" AND ");
}

/** A row reference scope: own columns read from `row`, parent columns through a scalar subquery. */
export function rowScope(row: string, table: (name: string) => string, old?: string): ExprScope {
  return {
    column: (c, fk) => (fk
      ? `(SELECT ${col("p", c)} FROM ${table(fk.parent)} p WHERE ${fkMatch(fk, "p", row)})`
      : col(row, c)),
    change: (c) => {
      if (!old) throw new Error("e.change() outside an update trigger");
      return `(coalesce(${col(row, c)}, 0) - coalesce(${col(old, c)}, 0))`;
    },
  };
}

/** Every column an expression reads, parent columns with the foreign key that reaches them. */
export function columnsOf(node: IrExpr): { column: ColumnRef; fk?: ForeignKeyRef }[] {
  const out: { column: ColumnRef; fk?: ForeignKeyRef }[] = [];
  const visit = (n: IrExpr): void => {
    if (n.kind === "column") out.push({ column: n.column, fk: n.fk });
    else if (n.kind === "change") out.push({ column: n.column });
    for (const child of childrenOf(n)) visit(child);
  };
  visit(node);
  return out;
}

const CHILDREN: { [K in IrExprKind]: (n: Extract<IrExpr, { kind: K }>) => readonly IrExpr[] } = {
  column: () => [], literal: () => [], change: () => [],
  binary: (n) => [n.left, n.right],
  logical: (n) => n.operands,
  not: (n) => [n.operand], negate: (n) => [n.operand], isNull: (n) => [n.operand],
  case: (n) => [n.when, n.then, n.otherwise],
  call: (n) => n.args,
  raw: (n) => n.parts.filter((p): p is IrExpr => typeof p !== "string"),
};

function childrenOf(n: IrExpr): readonly IrExpr[] {
  return (CHILDREN[n.kind] as (n: IrExpr) => readonly IrExpr[])(n);
}
