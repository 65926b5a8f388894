/**
 * Generated SQL files: each has a header naming its source, is written by a
 * generator script and compared with the committed copy by a check script.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface GeneratedSqlFile {
  /** File name inside the output folder, e.g. "20-publish.sql". */
  file: string;
  /** Where the spec lives, for the header. */
  source: string;
  /** The command that regenerates it, for the header. */
  command: string;
  body(): string;
}

export function renderGeneratedFile(f: GeneratedSqlFile): string {
  return `-- generated from ${f.source} by \`${f.command}\`; do not edit\n\n${f.body().trimEnd()}\n`;
}

export function writeGeneratedFiles(folder: string, files: GeneratedSqlFile[]): string[] {
  mkdirSync(folder, { recursive: true });
  return files.map((f) => {
    writeFileSync(join(folder, f.file), renderGeneratedFile(f));
    return join(folder, f.file);
  });
}

/** Names of files whose committed text differs from what the spec generates now. */
export function staleGeneratedFiles(folder: string, files: GeneratedSqlFile[]): string[] {
  return files
    .filter((f) => {
      const path = join(folder, f.file);
      return !existsSync(path) || readFileSync(path, "utf8") !== renderGeneratedFile(f);
    })
    .map((f) => join(folder, f.file));
}
