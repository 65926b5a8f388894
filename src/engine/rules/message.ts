/**
 * Message templates for constraints and parent checks: `{Balance}` names a column
 * by its TypeScript key and shows its value; numerics render with 2 decimals, so
 * `balance ({Balance})` reads `balance (2102.00)`. `{{` and `}}` are literal braces.
 */
import { quoteLiteral } from "../sql/quote";
import type { ColumnRef, MessagePart } from "./ir";
import { col } from "./sql-expr";

export type ParseResult = { parts: MessagePart[]; unknown: string[] };

export function parseMessage(template: string, columns: ReadonlyMap<string, ColumnRef>): ParseResult {
  const parts: MessagePart[] = [];
  const unknown: string[] = [];
  let text = "";
  const pattern = /\{\{|\}\}|\{([^{}]*)\}/g;
  let last = 0;
  for (const m of template.matchAll(pattern)) {
    text += template.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === "{{" || m[0] === "}}") { text += m[0][0]; continue; }
    const key = (m[1] ?? "").trim();
    const column = columns.get(key);
    if (!column) { unknown.push(key); continue; }
    if (text) parts.push(Object.freeze({ kind: "text", text }));
    text = "";
    parts.push(Object.freeze({ kind: "value", column }));
  }
  text += template.slice(last);
  if (text) parts.push(Object.freeze({ kind: "text", text }));
  return { parts, unknown };
}

/** SQL text building the message from the columns of `row`. */
export function messageSql(parts: readonly MessagePart[], row: string): string {
  if (parts.length === 0) return quoteLiteral("");
  return parts.map((p) => (p.kind === "text" ? quoteLiteral(p.text) : valueSql(p.column, row))).join(" || ");
}

function valueSql(column: ColumnRef, row: string): string {
  const value = column.type === "numeric" && !isWholeNumber(column)
    ? `round(${col(row, column)}::numeric, 2)::text`
    : `${col(row, column)}::text`;
  return `coalesce(${value}, 'null')`;
}

/** Integer-like columns (counts, ids) render as integers; money and the like with 2 decimals. */
function isWholeNumber(column: ColumnRef): boolean {
  return /^(smallint|integer|bigint|smallserial|serial|bigserial)$/.test(column.pgType);
}
