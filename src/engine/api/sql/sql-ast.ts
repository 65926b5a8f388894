/**
 * The immutable, kind-tagged SQL tree the planner builds and the compiler
 * prints. Identifiers come only from the resource model; every value is a
 * `param` node and leaves as a bound parameter, never as SQL text.
 */
export type CompareOp = "=" | "<>" | "<" | "<=" | ">" | ">=" | "like" | "ilike" | "is distinct from";

export type Expr =
  | { readonly kind: "column"; readonly alias: string; readonly column: string }
  /** `cast` is a Postgres type name taken from the schema (e.g. `integer[]`). */
  | { readonly kind: "param"; readonly value: unknown; readonly cast?: string }
  | { readonly kind: "compare"; readonly op: CompareOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: "isNull"; readonly expr: Expr; readonly negated: boolean }
  | { readonly kind: "and"; readonly items: readonly Expr[] }
  | { readonly kind: "or"; readonly items: readonly Expr[] }
  | { readonly kind: "not"; readonly item: Expr }
  /** `expr = ANY(array)`, or `expr <> ALL(array)` when negated. */
  | { readonly kind: "anyOf"; readonly expr: Expr; readonly array: Expr; readonly negated: boolean }
  /** `(a, b) IN (SELECT …)`. */
  | { readonly kind: "inSelect"; readonly exprs: readonly Expr[]; readonly select: Select }
  | { readonly kind: "exists"; readonly select: Select }
  /** The row version: `alias.xmin::text`. */
  | { readonly kind: "version"; readonly alias: string }
  | { readonly kind: "countAll" }
  | { readonly kind: "star"; readonly alias: string }
  | { readonly kind: "one" }
  /** `json_agg(alias order by …)::text`: the rows of `alias` as one JSON array (NULL when none). */
  | { readonly kind: "jsonAgg"; readonly alias: string; readonly orderBy?: readonly OrderItem[] }
  /** A scalar subquery `(select …)`. */
  | { readonly kind: "scalar"; readonly select: Select }
  /** A cast between types the engine itself chooses (never a type from input). */
  | { readonly kind: "cast"; readonly expr: Expr; readonly type: "text" | "bigint" };

export interface TableRef { readonly kind: "table"; readonly schema: string | undefined; readonly name: string; readonly alias: string }
export interface SubqueryRef { readonly kind: "subquery"; readonly select: Select; readonly alias: string }

export interface SelectItem { readonly expr: Expr; readonly as?: string }
export interface OrderItem { readonly expr: Expr; readonly direction: "asc" | "desc" }

/** A common table expression, `name as (select …)`. */
export interface With { readonly name: string; readonly select: Select }

export interface Select {
  readonly kind: "select";
  readonly with?: readonly With[];
  readonly columns: readonly SelectItem[];
  /** Absent for a select of scalar subqueries only. */
  readonly from?: TableRef | SubqueryRef;
  readonly where?: Expr;
  readonly orderBy?: readonly OrderItem[];
  readonly limit?: Expr;
  readonly offset?: Expr;
  /** `for update`: locks the rows as a write would, and needs the same UPDATE privilege and policies. */
  readonly forUpdate?: boolean;
}

export interface Assignment { readonly column: string; readonly value: Expr }

export interface Insert { readonly kind: "insert"; readonly table: TableRef; readonly values: readonly Assignment[]; readonly returning: readonly SelectItem[] }
export interface Update { readonly kind: "update"; readonly table: TableRef; readonly set: readonly Assignment[]; readonly where: Expr; readonly returning: readonly SelectItem[] }
export interface Delete { readonly kind: "delete"; readonly table: TableRef; readonly where: Expr; readonly returning: readonly SelectItem[] }

export type Statement = Select | Insert | Update | Delete;

/** What the compiler hands to the driver. */
export interface CompiledSql { readonly text: string; readonly params: readonly unknown[] }

/** Conjunctions and disjunctions are flattened, so the SQL has no redundant parentheses. */
export function and(items: readonly Expr[]): Expr {
  const flat = items.flatMap((i) => (i.kind === "and" ? i.items : [i]));
  return flat.length === 1 ? flat[0]! : { kind: "and", items: flat };
}

export function or(items: readonly Expr[]): Expr {
  const flat = items.flatMap((i) => (i.kind === "or" ? i.items : [i]));
  return flat.length === 1 ? flat[0]! : { kind: "or", items: flat };
}
export const param = (value: unknown, cast?: string): Expr => ({ kind: "param", value, ...(cast ? { cast } : {}) });
export const col = (alias: string, column: string): Expr => ({ kind: "column", alias, column });
export const eq = (left: Expr, right: Expr): Expr => ({ kind: "compare", op: "=", left, right });
