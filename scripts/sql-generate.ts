/**
 * `bun run sql:generate` (also `rules:generate`) writes every generated SQL file
 * that changed; `--check` (`sql:check`, `rules:check`) fails when a committed one
 * is stale, naming the first differing line. Rule mistakes print as diagnostics.
 */
import { RuleCompileError } from "../src/engine/rules";
import { staleGeneratedFiles, writeGeneratedFiles } from "../src/engine/sql/generated-files";
import { GENERATED_SQL } from "./generated-sql-targets";
import { ROOT } from "./rules-targets";

function main(): number {
  if (process.argv.includes("--check")) {
    const stale = staleGeneratedFiles(ROOT, GENERATED_SQL);
    for (const line of stale) console.error(`generated SQL is stale: ${line}`);
    if (stale.length > 0) {
      console.error("run `bun run sql:generate` and commit the result");
      return 1;
    }
    console.log(`generated SQL is current (${GENERATED_SQL.length} files)`);
    return 0;
  }
  const written = writeGeneratedFiles(ROOT, GENERATED_SQL);
  for (const path of written) console.log(`wrote ${path}`);
  console.log(`${GENERATED_SQL.length - written.length} of ${GENERATED_SQL.length} files were already current`);
  return 0;
}

try {
  process.exit(main());
} catch (e) {
  if (!(e instanceof RuleCompileError)) throw e;
  console.error(e.message);
  process.exit(1);
}
