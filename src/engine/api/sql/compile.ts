/**
 * Prints a statement tree as Postgres SQL text plus its parameter list.
 * One printer per node kind (a new kind is a type error until it is printed);
 * identifiers go through quote.ts, casts must look like type names. Quoted names
 * and parameter-free select lists are cached: the same few recur on every request.
 */
import { qualified, quoteIdent } from "../../sql/quote";
import type { CompiledSql, Expr, OrderItem, Select, SelectItem, Statement, SubqueryRef, TableRef } from "./sql-ast";

interface Ctx { params: unknown[] }

const quotedNames = new Map<string, string>();
function q(name: string): string {
  let quoted = quotedNames.get(name);
  if (quoted === undefined) quotedNames.set(name, (quoted = quoteIdent(name)));
  return quoted;
}

const printedLists = new WeakMap<readonly SelectItem[], string>();

const TYPE_NAME = /^[a-z][a-z0-9_ ]*(\(\d+(, ?\d+)?\))?(\[\])?$/i;

function castOf(type: string): string {
  if (!TYPE_NAME.test(type)) throw new Error(`refusing to print cast to ${JSON.stringify(type)}`);
  return `::${type}`;
}

type ExprPrinters = { [K in Expr["kind"]]: (node: Extract<Expr, { kind: K }>, ctx: Ctx) => string };

const expr: ExprPrinters = {
  column: (n) => `${q(n.alias)}.${q(n.column)}`,
  param: (n, ctx) => `$${ctx.params.push(n.value)}${n.cast ? castOf(n.cast) : ""}`,
  compare: (n, ctx) => `${print(n.left, ctx)} ${n.op} ${print(n.right, ctx)}`,
  isNull: (n, ctx) => `${print(n.expr, ctx)} is ${n.negated ? "not " : ""}null`,
  and: (n, ctx) => (n.items.length === 0 ? "true" : n.items.map((i) => group(i, ctx)).join(" and ")),
  or: (n, ctx) => (n.items.length === 0 ? "false" : n.items.map((i) => group(i, ctx)).join(" or ")),
  not: (n, ctx) => `not ${group(n.item, ctx)}`,
  anyOf: (n, ctx) => `${print(n.expr, ctx)} ${n.negated ? "<> all" : "= any"}(${print(n.array, ctx)})`,
  inSelect: (n, ctx) => `(${n.exprs.map((e) => print(e, ctx)).join(", ")}) in (${select(n.select, ctx)})`,
  exists: (n, ctx) => `exists (${select(n.select, ctx)})`,
  version: (n) => `${q(n.alias)}.xmin::text`,
  countAll: () => "count(*)",
  star: (n) => `${q(n.alias)}.*`,
  one: () => "1",
  jsonAgg: (n, ctx) => `json_agg(${q(n.alias)}${orderBy(n.orderBy, ctx)})::text`,
  scalar: (n, ctx) => `(${select(n.select, ctx)})`,
  cast: (n, ctx) => `${print(n.expr, ctx)}::${n.type}`,
};

function orderBy(list: readonly OrderItem[] | undefined, ctx: Ctx): string {
  return list?.length ? ` order by ${list.map((o) => `${print(o.expr, ctx)} ${o.direction}`).join(", ")}` : "";
}

function print(node: Expr, ctx: Ctx): string {
  return (expr[node.kind] as (n: Expr, c: Ctx) => string)(node, ctx);
}

/** Parenthesises boolean combinations so precedence never depends on context. */
function group(node: Expr, ctx: Ctx): string {
  const text = print(node, ctx);
  return node.kind === "and" || node.kind === "or" ? `(${text})` : text;
}

function items(list: readonly SelectItem[], ctx: Ctx): string {
  const cached = printedLists.get(list);
  if (cached !== undefined) return cached;
  const before = ctx.params.length;
  const text = list.map((i) => print(i.expr, ctx) + (i.as ? ` as ${q(i.as)}` : "")).join(", ");
  if (ctx.params.length === before) printedLists.set(list, text);
  return text;
}

function table(t: TableRef): string {
  return `${t.schema ? qualified(t.schema, t.name) : q(t.name)} as ${q(t.alias)}`;
}

function from(f: TableRef | SubqueryRef, ctx: Ctx): string {
  return f.kind === "table" ? table(f) : `(${select(f.select, ctx)}) as ${q(f.alias)}`;
}

function select(s: Select, ctx: Ctx): string {
  let text = s.with?.length ? `with ${s.with.map((w) => `${q(w.name)} as (${select(w.select, ctx)})`).join(", ")} ` : "";
  text += `select ${items(s.columns, ctx)}`;
  if (s.from) text += ` from ${from(s.from, ctx)}`;
  if (s.where) text += ` where ${print(s.where, ctx)}`;
  text += orderBy(s.orderBy, ctx);
  if (s.limit) text += ` limit ${print(s.limit, ctx)}`;
  if (s.offset) text += ` offset ${print(s.offset, ctx)}`;
  if (s.forUpdate) text += " for update";
  return text;
}

function returning(list: readonly SelectItem[], ctx: Ctx): string {
  return list.length ? ` returning ${items(list, ctx)}` : "";
}

type StatementPrinters = { [K in Statement["kind"]]: (node: Extract<Statement, { kind: K }>, ctx: Ctx) => string };

const statement: StatementPrinters = {
  select,
  insert: (n, ctx) => {
    const target = `insert into ${table(n.table)}`;
    const body = n.values.length === 0 ? " default values"
      : ` (${n.values.map((v) => q(v.column)).join(", ")}) values (${n.values.map((v) => print(v.value, ctx)).join(", ")})`;
    return target + body + returning(n.returning, ctx);
  },
  update: (n, ctx) => `update ${table(n.table)} set ${n.set.map((a) => `${q(a.column)} = ${print(a.value, ctx)}`).join(", ")}`
    + ` where ${print(n.where, ctx)}${returning(n.returning, ctx)}`,
  delete: (n, ctx) => `delete from ${table(n.table)} where ${print(n.where, ctx)}${returning(n.returning, ctx)}`,
};

export function compile(node: Statement): CompiledSql {
  const ctx: Ctx = { params: [] };
  const text = (statement[node.kind] as (n: Statement, c: Ctx) => string)(node, ctx);
  return { text, params: ctx.params };
}
