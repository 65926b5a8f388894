/** `bun run sql:generate` writes the generated SQL; `--check` fails when the committed files are stale. */
import { join } from "node:path";
import { staleGeneratedFiles, writeGeneratedFiles } from "../src/engine/sql/generated-files";
import { northwindGeneratedSql } from "../src/northwind/generated-sql";

const folder = join(import.meta.dir, "../sql/northwind");

if (process.argv.includes("--check")) {
  const stale = staleGeneratedFiles(folder, northwindGeneratedSql);
  if (stale.length > 0) {
    console.error(`generated SQL is out of date: ${stale.join(", ")}\nrun \`bun run sql:generate\` and commit the result`);
    process.exit(1);
  }
  console.log(`generated SQL is current (${northwindGeneratedSql.length} files)`);
} else {
  for (const path of writeGeneratedFiles(folder, northwindGeneratedSql)) console.log(`wrote ${path}`);
}
