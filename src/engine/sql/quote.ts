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

/** Dollar-quotes a function body with a tag that does not occur inside it. */
export function quoteDollar(body: string, tag = "fn"): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tag)) throw new Error(`invalid dollar-quote tag: ${tag}`);
  let chosen = tag;
  for (let i = 1; body.includes(`$${chosen}$`); i++) chosen = `${tag}${i}`;
  return `$${chosen}$${body}$${chosen}$`;
}

/** A `--` comment line; line breaks and other control characters are escaped so text cannot end it. */
export function sqlComment(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `-- ${text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}`;
}
