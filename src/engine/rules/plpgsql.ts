/**
 * Text builders for the generated PL/pgSQL: object names (prefixed `rules_`,
 * capped at Postgres' 63 bytes), trigger functions (SECURITY DEFINER with a
 * pinned search_path) and trigger DDL, plus the small SQL fragments they share.
 */
import { quoteDollar, quoteIdent, quoteLiteral, qualified } from "../sql/quote";
import type { ColumnRef, TableIr } from "./ir";
import { col } from "./sql-expr";

const MAX_IDENT_BYTES = 63;

/** `rules_<table>_<role>`; over 63 bytes it is cut and suffixed with a hash so names stay distinct. */
export function objectName(table: string, role: string): string {
  const name = `rules_${table}_${role}`;
  if (Buffer.byteLength(name) <= MAX_IDENT_BYTES) return name;
  const hash = new Bun.CryptoHasher("sha256").update(name).digest("hex").slice(0, 8);
  let cut = name;
  while (Buffer.byteLength(cut) > MAX_IDENT_BYTES - 9) cut = cut.slice(0, -1);
  return `${cut}_${hash}`;
}

export interface FunctionText {
  schema: string;
  name: string;
  declare: string[];
  body: string[];
  returns: "NEW" | "NULL";
}

/** Parent rows may be hidden from the caller by row-level security, so rule functions run as their owner. */
export function triggerFunction(f: FunctionText): string {
  const body = [
    ...(f.declare.length ? ["DECLARE", ...f.declare.map((d) => `  ${d}`)] : []),
    "BEGIN",
    ...f.body.map((l) => (l ? `  ${l}` : l)),
    `  RETURN ${f.returns};`,
    "END;",
  ].join("\n");
  return [
    `CREATE OR REPLACE FUNCTION ${qualified(f.schema, f.name)}() RETURNS trigger`,
    `LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${quoteIdent(f.schema)}, pg_temp AS ${quoteDollar(`\n${body}\n`)};`,
  ].join("\n");
}

export interface TriggerText {
  schema: string;
  table: string;
  name: string;
  fn: string;
  timing: "BEFORE" | "AFTER";
  event: "INSERT" | "UPDATE" | "DELETE" | "INSERT OR DELETE";
  when?: string;
  /** A deferred constraint trigger: runs at commit. */
  deferred?: boolean;
  /** A statement trigger reading the statement's rows from transition tables (one event only). */
  transition?: { old?: string; new?: string };
}

export function triggerDdl(t: TriggerText): string {
  const on = qualified(t.schema, t.table);
  const kind = t.deferred ? "CONSTRAINT TRIGGER" : "TRIGGER";
  return [
    `DROP TRIGGER IF EXISTS ${quoteIdent(t.name)} ON ${on};`,
    `CREATE ${kind} ${quoteIdent(t.name)} ${t.timing} ${t.event} ON ${on}`,
    ...(t.deferred ? ["  DEFERRABLE INITIALLY DEFERRED"] : []),
    ...(t.transition ? [`  REFERENCING ${referencing(t.transition)}`] : []),
    `  FOR EACH ${t.transition ? "STATEMENT" : "ROW"}${t.when ? ` WHEN (${t.when})` : ""} EXECUTE FUNCTION ${qualified(t.schema, t.fn)}();`,
  ].join("\n");
}

function referencing(t: { old?: string; new?: string }): string {
  return [t.old && `OLD TABLE AS ${quoteIdent(t.old)}`, t.new && `NEW TABLE AS ${quoteIdent(t.new)}`].filter(Boolean).join(" ");
}

/** `OLD."a" IS DISTINCT FROM NEW."a" OR …` over distinct columns, in first-seen order. */
export function changed(columns: readonly ColumnRef[]): string {
  return uniqueColumns(columns).map((c) => `${col("OLD", c)} IS DISTINCT FROM ${col("NEW", c)}`).join(" OR ");
}

export function uniqueColumns(columns: readonly ColumnRef[]): ColumnRef[] {
  const seen = new Map<string, ColumnRef>();
  for (const c of columns) if (!seen.has(c.name)) seen.set(c.name, c);
  return [...seen.values()];
}

export function notNull(columns: readonly ColumnRef[], row: string): string {
  return columns.map((c) => `${col(row, c)} IS NOT NULL`).join(" AND ");
}

/** The row's key as one value for the logic log. */
export function keySql(columns: readonly ColumnRef[], row: string): string {
  if (columns.length === 0) return quoteLiteral("?");
  if (columns.length === 1) return col(row, columns[0] as ColumnRef);
  return `concat_ws(',', ${columns.map((c) => col(row, c)).join(", ")})`;
}

/**
 * Whether a RAISE DEBUG would reach the client or the server log. Formatting a
 * line costs about a microsecond, so set-based triggers test this once per statement.
 */
export const DEBUG_ENABLED =
  "current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%'";

/** One logic-log line at DEBUG, so the default client_min_messages (notice) stays quiet. */
export function debugLog(rule: string, table: TableIr | string, key: string, column: string, before: string, after: string): string {
  const name = typeof table === "string" ? table : table.name;
  return `RAISE DEBUG 'rule %: %[%] % % -> %', ${quoteLiteral(rule)}, ${quoteLiteral(name)}, ${key}, ${quoteLiteral(column)}, ${before}, ${after};`;
}
