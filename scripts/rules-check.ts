/**
 * `bun run rules:check`: fails (exit 1) when a committed generated rules file is
 * not exactly what its spec compiles to, naming the first differing line.
 * The test runner runs it before `bun test`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compileRules, RuleCompileError } from "../src/engine/rules";
import { ROOT, RULE_TARGETS } from "./rules-targets";

function firstDifference(actual: string, expected: string): string {
  const [a, b] = [actual.split("\n"), expected.split("\n")];
  const i = b.findIndex((line, n) => a[n] !== line);
  const at = i === -1 ? b.length : i;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? "<end of file>")}, spec gives ${JSON.stringify(b[at] ?? "<end of file>")}`;
}

function main(): number {
  let stale = 0;
  for (const target of RULE_TARGETS) {
    const path = join(ROOT, target.out);
    const { sql } = compileRules(target.rules);
    const committed = existsSync(path) ? readFileSync(path, "utf8") : "";
    if (committed === sql) continue;
    stale += 1;
    console.error(`rules: ${target.out} is stale (${firstDifference(committed, sql)}); run \`bun run rules:generate\``);
  }
  if (stale === 0) console.log(`rules: ${RULE_TARGETS.length} generated file(s) match their specs`);
  return stale === 0 ? 0 : 1;
}

try {
  process.exit(main());
} catch (e) {
  if (!(e instanceof RuleCompileError)) throw e;
  console.error(e.message);
  process.exit(1);
}
