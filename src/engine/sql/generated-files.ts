/**
 * Generated SQL files (rules, publish rules, grants): each is rendered from its
 * spec, written by one generator and compared with the committed copy by one
 * check, which names the first line that differs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface GeneratedSqlFile {
  /** Path from the repository root, e.g. "sql/northwind/30-publish.sql". */
  path: string;
  /** The whole file text, header included. */
  render(): string;
}

/** The header every generated file opens with, then the body. */
export function withHeader(source: string, command: string, body: string): string {
  return `-- generated from ${source} by \`${command}\`; do not edit\n\n${body.trimEnd()}\n`;
}

/** Writes files whose text changed; returns their paths. */
export function writeGeneratedFiles(root: string, files: readonly GeneratedSqlFile[]): string[] {
  const written: string[] = [];
  for (const f of files) {
    const path = join(root, f.path);
    const text = f.render();
    if (existsSync(path) && readFileSync(path, "utf8") === text) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(f.path);
  }
  return written;
}

/** One line per committed file that differs from what its spec generates now. */
export function staleGeneratedFiles(root: string, files: readonly GeneratedSqlFile[]): string[] {
  return files.flatMap((f) => {
    const path = join(root, f.path);
    const committed = existsSync(path) ? readFileSync(path, "utf8") : "";
    const expected = f.render();
    return committed === expected ? [] : [`${f.path} (${firstDifference(committed, expected)})`];
  });
}

function firstDifference(actual: string, expected: string): string {
  const [a, b] = [actual.split("\n"), expected.split("\n")];
  const i = b.findIndex((line, n) => a[n] !== line);
  const at = i === -1 ? b.length : i;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? "<end of file>")}, spec gives ${JSON.stringify(b[at] ?? "<end of file>")}`;
}
