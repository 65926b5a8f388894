/**
 * `bun run rules:generate`: compiles every rule spec and writes its generated SQL
 * file (only when the text changed). Rule mistakes print as diagnostics, exit 1.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { compileRules, RuleCompileError } from "../src/engine/rules";
import { ROOT, RULE_TARGETS } from "./rules-targets";

function main(): number {
  for (const target of RULE_TARGETS) {
    const path = join(ROOT, target.out);
    const { sql } = compileRules(target.rules);
    if (existsSync(path) && readFileSync(path, "utf8") === sql) {
      console.log(`rules: ${target.out} is up to date`);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, sql);
    console.log(`rules: wrote ${target.out} (${sql.split("\n").length - 1} lines)`);
  }
  return 0;
}

try {
  process.exit(main());
} catch (e) {
  if (!(e instanceof RuleCompileError)) throw e;
  console.error(e.message);
  process.exit(1);
}
