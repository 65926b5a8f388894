/**
 * The one place where SQL identifiers and literals are quoted. Everything that
 * writes SQL text (migrations, rule compiler, policy compiler) goes through here.
 */

/** Always quotes, so reserved words ("order", "union") and mixed case are safe. */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new Error("empty SQL identifier");
  if (name.includes("\0")) throw new Error("SQL identifier contains a NUL byte");
  return `"${name.replaceAll('"', '""')}"`;
}

/** A standard string literal; E'' escapes are never produced. */
export function quoteLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("SQL literal contains a NUL byte");
  return `'${value.replaceAll("'", "''")}'`;
}

export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}
