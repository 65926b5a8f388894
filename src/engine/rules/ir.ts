/**
 * The compiler's intermediate representation: immutable, kind-tagged nodes with
 * every column and foreign key resolved to SQL names. Stages after `resolve`
 * read only this, and dispatch on `kind` with exhaustive `Record<Kind, fn>` tables.
 */
import type { BinaryOp, CallFn, Literal } from "./expr";
import type { ColumnRef, ForeignKeyRef } from "./catalog";

export type { ColumnRef, ForeignKeyRef } from "./catalog";

export type IrExpr =
  /** A column of the rule's own row, or of its parent through `fk`. */
  | { readonly kind: "column"; readonly column: ColumnRef; readonly fk?: ForeignKeyRef }
  | { readonly kind: "literal"; readonly value: Literal }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: IrExpr; readonly right: IrExpr }
  | { readonly kind: "logical"; readonly op: "and" | "or"; readonly operands: readonly IrExpr[] }
  | { readonly kind: "not"; readonly operand: IrExpr }
  | { readonly kind: "negate"; readonly operand: IrExpr }
  | { readonly kind: "isNull"; readonly operand: IrExpr; readonly negated: boolean }
  | { readonly kind: "case"; readonly when: IrExpr; readonly then: IrExpr; readonly otherwise: IrExpr }
  | { readonly kind: "call"; readonly fn: CallFn; readonly args: readonly IrExpr[] }
  | { readonly kind: "change"; readonly column: ColumnRef }
  /** A drizzle `sql` template: verbatim text interleaved with resolved nodes. */
  | { readonly kind: "raw"; readonly parts: readonly (string | IrExpr)[] };

export type IrExprKind = IrExpr["kind"];

export type MessagePart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "value"; readonly column: ColumnRef };

export interface TableIr {
  readonly name: string;
  readonly pk: readonly ColumnRef[];
}

interface RuleBase {
  readonly name: string;
  /** The table the rule's result lives on (the parent for sum/count). */
  readonly table: TableIr;
}

export interface SumRule extends RuleBase {
  readonly kind: "sum";
  readonly target: ColumnRef;
  readonly child: TableIr;
  readonly fk: ForeignKeyRef;
  readonly value: ColumnRef;
  readonly where?: IrExpr;
}

export interface CountRule extends RuleBase {
  readonly kind: "count";
  readonly target: ColumnRef;
  readonly child: TableIr;
  readonly fk: ForeignKeyRef;
  readonly where?: IrExpr;
}

export interface FormulaRule extends RuleBase { readonly kind: "formula"; readonly target: ColumnRef; readonly expr: IrExpr }
export interface AdjustRule extends RuleBase { readonly kind: "adjust"; readonly target: ColumnRef; readonly by: IrExpr }

export interface CopyRule extends RuleBase {
  readonly kind: "copy";
  readonly target: ColumnRef;
  readonly fk: ForeignKeyRef;
  readonly from: ColumnRef;
}

export interface ConstraintRule extends RuleBase {
  readonly kind: "constraint";
  readonly condition: IrExpr;
  readonly message: readonly MessagePart[];
}

export interface ParentCheckRule extends RuleBase {
  readonly kind: "parentCheck";
  readonly fk: ForeignKeyRef;
  readonly message: readonly MessagePart[];
}

export type RuleIr = SumRule | CountRule | FormulaRule | AdjustRule | CopyRule | ConstraintRule | ParentCheckRule;
export type RollupRule = SumRule | CountRule;
export type DerivationRule = SumRule | CountRule | FormulaRule | AdjustRule | CopyRule;

export interface RuleSetIr {
  readonly source: string;
  readonly schema: string;
  /** Rules in declaration order. */
  readonly rules: readonly RuleIr[];
  /** Every table a rule reads or writes, by name. */
  readonly tables: ReadonlyMap<string, TableIr>;
  /** Derivations in dependency order: a rule comes after every rule that derives one of its inputs. */
  readonly order: readonly DerivationRule[];
}

export const columnKey = (c: ColumnRef): string => `${c.table}.${c.name}`;
