/**
 * `bun run rules:stats`: lines of rule spec against lines of generated SQL, and
 * the ratio. Blank and comment lines are not counted on either side.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileRules } from "../src/engine/rules";
import { ROOT, RULE_TARGETS } from "./rules-targets";

const codeLines = (text: string, comment: RegExp) =>
  text.split("\n").filter((l) => l.trim() !== "" && !comment.test(l.trim())).length;

for (const target of RULE_TARGETS) {
  const spec = codeLines(readFileSync(join(ROOT, target.rules.source), "utf8"), /^(\/\/|\/\*|\*)/);
  const compiled = compileRules(target.rules);
  const generated = codeLines(compiled.sql, /^--/);
  console.log([
    `${target.rules.source}: ${compiled.ir.rules.length} rules in ${spec} lines`,
    `${target.out}: ${generated} lines of SQL`,
    `ratio: 1 line of spec per ${(generated / spec).toFixed(1)} lines of SQL`,
  ].join("\n"));
}
