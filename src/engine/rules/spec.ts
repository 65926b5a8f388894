/**
 * The rule kinds a schema declares (LogicBank's: sum, count, formula, copy,
 * constraint, parentCheck, plus adjustBy for stateful columns), typed against
 * drizzle columns so a renamed column or a wrong table breaks the build.
 */
import type { PgTable } from "drizzle-orm/pg-core";
import { toNode, type Expr, type Operand, type SpecExpr } from "./expr";
import type { AnyColumn, ColumnOf, NumericColumn, SqlTypeOfColumn, TableNamed, TypedColumn } from "./types";

export type RuleSpec =
  | { readonly kind: "sum"; readonly name?: string; readonly target: AnyColumn; readonly of: AnyColumn;
      readonly where?: SpecExpr; readonly via?: AnyColumn }
  | { readonly kind: "count"; readonly name?: string; readonly target: AnyColumn; readonly of: PgTable;
      readonly where?: SpecExpr; readonly via?: AnyColumn }
  | { readonly kind: "formula"; readonly name?: string; readonly target: AnyColumn; readonly expr: SpecExpr }
  | { readonly kind: "adjust"; readonly name?: string; readonly target: AnyColumn; readonly by: SpecExpr }
  | { readonly kind: "copy"; readonly name?: string; readonly target: AnyColumn; readonly from: AnyColumn;
      readonly via?: AnyColumn }
  | { readonly kind: "constraint"; readonly name: string; readonly table: PgTable; readonly condition: SpecExpr;
      readonly message: string }
  | { readonly kind: "parentCheck"; readonly name?: string; readonly fk: AnyColumn; readonly message?: string };

export type RuleKind = RuleSpec["kind"];

export interface RuleSet {
  /** Repository path of the spec, quoted in the generated file's header. */
  readonly source: string;
  /** Postgres schema of the tables (drizzle tables without a schema live here). */
  readonly schema: string;
  readonly rules: readonly RuleSpec[];
}

interface Named { name?: string }

export function defineRules(opts: { source: string; schema?: string }, rules: RuleSpec[]): RuleSet {
  return Object.freeze({ source: opts.source, schema: opts.schema ?? "public", rules: Object.freeze([...rules]) });
}

/** parent.target = Σ child.of (where …), kept by delta adjustment; `via` picks the FK when ambiguous. */
export function sum<P extends string, C extends string>(target: NumericColumn<P>,
  opts: Named & { of: NumericColumn<C>; where?: Expr<"boolean", NoInfer<C>>; via?: ColumnOf<NoInfer<C>> }): RuleSpec {
  return Object.freeze({ kind: "sum", name: opts.name, target, of: opts.of, where: opts.where?.node, via: opts.via });
}

/** parent.target = number of child rows (where …). */
export function count<P extends string, C extends string>(target: NumericColumn<P>,
  opts: Named & { of: TableNamed<C>; where?: Expr<"boolean", NoInfer<C>>; via?: ColumnOf<NoInfer<C>> }): RuleSpec {
  return Object.freeze({ kind: "count", name: opts.name, target, of: opts.of, where: opts.where?.node, via: opts.via });
}

/** target = expr over the row's columns and its parents' columns; recomputed when an input changes. */
export function formula<C extends AnyColumn>(target: C, expr: Operand<SqlTypeOfColumn<NoInfer<C>>>,
  opts: Named = {}): RuleSpec {
  return Object.freeze({ kind: "formula", name: opts.name, target, expr: toNode(expr) });
}

/** Stateful formula: target = target + by, evaluated on update (use `e.change(col)` for new − old). */
export function adjustBy<S extends string>(target: NumericColumn<S>, by: Expr<"numeric", NoInfer<S>>, opts: Named = {}): RuleSpec {
  return Object.freeze({ kind: "adjust", name: opts.name, target, by: by.node });
}

/** target = parent.from, on insert and when the foreign key changes only (a snapshot). */
export function copy<C extends AnyColumn>(target: C,
  opts: Named & { from: TypedColumn<SqlTypeOfColumn<NoInfer<C>>>; via?: ColumnOf<NoInfer<C>["_"]["tableName"]> }): RuleSpec {
  return Object.freeze({ kind: "copy", name: opts.name, target, from: opts.from, via: opts.via });
}

/** Checked at commit; `{Key}` in the message shows the column's value (numerics with 2 decimals). */
export function constraint<S extends string>(name: string, table: TableNamed<S>, condition: Expr<"boolean", NoInfer<S>>,
  message: string): RuleSpec {
  return Object.freeze({ kind: "constraint", name, table, condition: condition.node, message });
}

/** The foreign key must reference an existing parent row on insert and when it changes. */
export function parentCheck<S extends string>(fk: ColumnOf<S>, opts: Named & { message?: string } = {}): RuleSpec {
  return Object.freeze({ kind: "parentCheck", name: opts.name, fk, message: opts.message });
}
