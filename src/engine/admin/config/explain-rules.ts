/**
 * Plain-words help for derived columns, from the compiled rules: "Derived: sum of
 * Order.AmountTotal where ShippedDate is empty and Ready = true". Dispatch is an
 * exhaustive Record over the IR kinds, so a new rule or node kind is a type error here.
 */
import { compileRules, type CompiledRules, type RuleSet } from "../../rules";

type RuleSetIr = CompiledRules["ir"];
type Derivation = RuleSetIr["order"][number];
type IrExpr = Extract<Derivation, { kind: "formula" }>["expr"];
type Column = Extract<IrExpr, { kind: "column" }>;

/** Table SQL name → resource type (e.g. `order_detail` → `OrderDetail`). */
export type TableNames = (table: string) => string;

const OPS: Record<string, string> = { "*": "×", "/": "÷", "<>": "≠", "<=": "≤", ">=": "≥" };

function columnText(node: Column, names: TableNames): string {
  return node.fk ? `${names(node.fk.parent)}.${node.column.key}` : node.column.key;
}

type Printer = { [K in IrExpr["kind"]]: (node: Extract<IrExpr, { kind: K }>, names: TableNames) => string };

const nested = (node: IrExpr, names: TableNames, parentOp?: string): string => {
  const text = print(node, names);
  const atomic = node.kind === "column" || node.kind === "literal" || node.kind === "call" || node.kind === "change"
    || (node.kind === "binary" && node.op === parentOp && (node.op === "*" || node.op === "+"));
  return atomic ? text : `(${text})`;
};

const PRINT: Printer = {
  column: (n, names) => columnText(n, names),
  literal: (n) => (n.value === null ? "empty" : typeof n.value === "string" ? `'${n.value}'` : String(n.value)),
  binary: (n, names) => `${nested(n.left, names, n.op)} ${OPS[n.op] ?? n.op} ${nested(n.right, names, n.op)}`,
  logical: (n, names) => n.operands.map((o) => (o.kind === "logical" || o.kind === "case" ? `(${print(o, names)})`
    : print(o, names))).join(` ${n.op} `),
  not: (n, names) => `not ${nested(n.operand, names)}`,
  negate: (n, names) => (n.operand.kind === "literal" ? `−${print(n.operand, names)}` : `−(${print(n.operand, names)})`),
  isNull: (n, names) => `${nested(n.operand, names)} is ${n.negated ? "not " : ""}empty`,
  case: (n, names) => `${print(n.then, names)} if ${print(n.when, names)}, else ${print(n.otherwise, names)}`,
  call: (n, names) => `${n.fn}(${n.args.map((a) => print(a, names)).join(", ")})`,
  change: (n) => `change in ${n.column.key}`,
  raw: (n, names) => n.parts.map((p) => (typeof p === "string" ? p : print(p, names))).join(""),
};

function print(node: IrExpr, names: TableNames): string {
  return (PRINT[node.kind] as (n: IrExpr, t: TableNames) => string)(node, names);
}

type Explainer = { [K in Derivation["kind"]]: (rule: Extract<Derivation, { kind: K }>, names: TableNames) => string };

const where = (e: IrExpr | undefined, names: TableNames) => (e ? ` where ${print(e, names)}` : "");

const EXPLAIN: Explainer = {
  sum: (r, names) => `Derived: sum of ${names(r.child.name)}.${r.value.key}${where(r.where, names)}.`,
  count: (r, names) => `Derived: number of ${names(r.child.name)} rows${where(r.where, names)}.`,
  formula: (r, names) => `Derived: ${print(r.expr, names)}.`,
  copy: (r, names) => `Derived: copied from ${names(r.fk.parent)}.${r.from.key} when the row is added or its ${names(r.fk.parent)} changes.`,
  adjust: (r, names) => `Adjusted by a rule: changes by ${print(r.by, names)}.`,
};

export interface DerivedColumn { readonly table: string; readonly attribute: string; readonly info: string }

/** Every column a rule derives, with its explanation. */
export function explainDerivedColumns(rules: RuleSet, names: TableNames): DerivedColumn[] {
  return compileRules(rules).ir.order.map((rule) => ({
    table: rule.table.name,
    attribute: rule.target.key,
    info: (EXPLAIN[rule.kind] as (r: Derivation, t: TableNames) => string)(rule, names),
  }));
}
