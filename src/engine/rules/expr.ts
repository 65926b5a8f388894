/**
 * The expression builder used inside rule specs: a small typed language over
 * drizzle columns (or drizzle `sql` templates) that builds immutable, kind-tagged
 * nodes. The compiler resolves these nodes to the IR; nothing here writes SQL.
 */
import type { SQL } from "drizzle-orm";
import type { AnyColumn, SqlType, SqlTypeOfColumn, TypedColumn } from "./types";

export type BinaryOp = "+" | "-" | "*" | "/" | "=" | "<>" | "<" | "<=" | ">" | ">=";
export type CallFn = "round" | "coalesce" | "abs" | "greatest" | "least";
export type Literal = number | string | boolean | null;

/** Spec-level nodes: columns are still drizzle column objects. */
export type SpecExpr =
  | { readonly kind: "column"; readonly column: AnyColumn; readonly via?: AnyColumn }
  | { readonly kind: "literal"; readonly value: Literal }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: SpecExpr; readonly right: SpecExpr }
  | { readonly kind: "logical"; readonly op: "and" | "or"; readonly operands: readonly SpecExpr[] }
  | { readonly kind: "not"; readonly operand: SpecExpr }
  | { readonly kind: "negate"; readonly operand: SpecExpr }
  | { readonly kind: "isNull"; readonly operand: SpecExpr; readonly negated: boolean }
  | { readonly kind: "case"; readonly when: SpecExpr; readonly then: SpecExpr; readonly otherwise: SpecExpr }
  | { readonly kind: "call"; readonly fn: CallFn; readonly args: readonly SpecExpr[] }
  | { readonly kind: "change"; readonly column: AnyColumn }
  | { readonly kind: "raw"; readonly sql: SQL };

export type SpecExprKind = SpecExpr["kind"];

declare const brand: unique symbol;

/** An expression of family `T` that reads columns of the tables in `S`. */
export interface Expr<T extends SqlType, S extends string = string> {
  readonly node: SpecExpr;
  readonly [brand]?: { readonly type: T; readonly tables: S };
}

type LiteralOf<T extends SqlType> = T extends "numeric" ? number
  : T extends "boolean" ? boolean : T extends "text" | "date" ? string : never;

/** What an operator accepts: an expression, a column, or a literal of the family. */
export type Operand<T extends SqlType> = Expr<T, string> | TypedColumn<T> | LiteralOf<T> | null;
type AnyOperand = Expr<SqlType, string> | AnyColumn | Literal;

/** The tables an operand reads (never for literals), so `where` can be limited to the child. */
export type TablesOf<X> = X extends Expr<SqlType, infer S> ? S
  : X extends { readonly _: { readonly tableName: infer S extends string } } ? S : never;
type TypeOf<X> = X extends Expr<infer T, string> ? T : X extends AnyColumn ? SqlTypeOfColumn<X>
  : X extends number ? "numeric" : X extends boolean ? "boolean" : X extends string ? "text" : SqlType;

const wrap = <T extends SqlType, S extends string>(node: SpecExpr): Expr<T, S> => Object.freeze({ node });

function isExpr(x: unknown): x is Expr<SqlType> {
  return typeof x === "object" && x !== null && "node" in x;
}

/** Normalises an operand to a node: an Expr gives its node, any other object is a drizzle column. */
export function toNode(x: AnyOperand): SpecExpr {
  if (isExpr(x)) return x.node;
  if (typeof x === "object" && x !== null) return Object.freeze({ kind: "column", column: x });
  return Object.freeze({ kind: "literal", value: x });
}

const binary = (op: BinaryOp) =>
  <A extends AnyOperand, B extends AnyOperand>(a: A, b: B) =>
    Object.freeze({ kind: "binary", op, left: toNode(a), right: toNode(b) }) as SpecExpr;

const arith = (op: BinaryOp) => <A extends Operand<"numeric">, B extends Operand<"numeric">>(a: A, b: B) =>
  wrap<"numeric", TablesOf<A> | TablesOf<B>>(binary(op)(a, b));
const compare = (op: BinaryOp) => <A extends AnyOperand, B extends Operand<TypeOf<A>>>(a: A, b: B) =>
  wrap<"boolean", TablesOf<A> | TablesOf<B>>(binary(op)(a, b));
const logical = (op: "and" | "or") => <A extends Operand<"boolean">[]>(...xs: A) =>
  wrap<"boolean", TablesOf<A[number]>>(Object.freeze({ kind: "logical", op, operands: Object.freeze(xs.map(toNode)) }));

/** The builder; import as `e` and write `e.lte(Customer.Balance, Customer.CreditLimit)`. */
export const e = Object.freeze({
  add: arith("+"), sub: arith("-"), mul: arith("*"), div: arith("/"),
  eq: compare("="), ne: compare("<>"), lt: compare("<"), lte: compare("<="), gt: compare(">"), gte: compare(">="),
  and: logical("and"), or: logical("or"),
  not: <A extends Operand<"boolean">>(a: A) => wrap<"boolean", TablesOf<A>>({ kind: "not", operand: toNode(a) }),
  neg: <A extends Operand<"numeric">>(a: A) => wrap<"numeric", TablesOf<A>>({ kind: "negate", operand: toNode(a) }),
  isNull: <A extends AnyOperand>(a: A) => wrap<"boolean", TablesOf<A>>({ kind: "isNull", operand: toNode(a), negated: false }),
  isNotNull: <A extends AnyOperand>(a: A) => wrap<"boolean", TablesOf<A>>({ kind: "isNull", operand: toNode(a), negated: true }),
  /** CASE WHEN cond THEN a ELSE b END. */
  when: <C extends Operand<"boolean">, A extends AnyOperand, B extends Operand<TypeOf<A>>>(cond: C, a: A, b: B) =>
    wrap<TypeOf<A>, TablesOf<C> | TablesOf<A> | TablesOf<B>>(
      { kind: "case", when: toNode(cond), then: toNode(a), otherwise: toNode(b) }),
  round: <A extends Operand<"numeric">>(a: A, digits = 0) =>
    wrap<"numeric", TablesOf<A>>({ kind: "call", fn: "round", args: Object.freeze([toNode(a), toNode(digits)]) }),
  abs: <A extends Operand<"numeric">>(a: A) =>
    wrap<"numeric", TablesOf<A>>({ kind: "call", fn: "abs", args: Object.freeze([toNode(a)]) }),
  coalesce: <A extends AnyOperand, B extends Operand<TypeOf<A>>>(a: A, b: B) =>
    wrap<TypeOf<A>, TablesOf<A> | TablesOf<B>>({ kind: "call", fn: "coalesce", args: Object.freeze([toNode(a), toNode(b)]) }),
  /** `new.col - old.col` of the row being updated; only meaningful in `adjustBy`. */
  change: <C extends TypedColumn<"numeric">>(column: C) => wrap<"numeric", TablesOf<C>>({ kind: "change", column }),
  /** A parent column reached through an explicit foreign-key column of the rule's table. */
  via: <F extends AnyColumn, C extends AnyColumn>(fkColumn: F, column: C) =>
    wrap<SqlTypeOfColumn<C>, TablesOf<F>>({ kind: "column", column, via: fkColumn }),
  /** A drizzle `sql` template; its columns are resolved like any other column. */
  raw: <T extends SqlType>(sql: SQL) => wrap<T, string>({ kind: "raw", sql }),
  lit: <T extends Literal>(value: T) => wrap<TypeOf<T>, never>({ kind: "literal", value }),
});
