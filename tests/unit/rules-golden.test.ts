/**
 * Golden tests of the rules compiler: the exact SQL text for a small spec over
 * hostile names. `UPDATE_GOLDEN=1 bun run test tests/unit/rules-golden.test.ts`
 * rewrites the files; review the diff like code.
 */
import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileRules } from "../../src/engine/rules";
import { hostileRules } from "../golden/rules-hostile.schema";

const GOLDEN = join(import.meta.dir, "../golden");

function golden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, actual);
  expect(existsSync(path)).toBe(true);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("rules compiler golden SQL", () => {
  const compiled = compileRules(hostileRules);

  test("trigger file for the hostile spec", () => {
    golden("rules-hostile.sql", compiled.sql);
  });

  test("recompute plan for the hostile spec", () => {
    const plan = compiled.recompute;
    const text = [
      ...plan.steps.map((s) => `-- ${s.rule}\n${s.sql};`),
      ...plan.skipped.map((s) => `-- skipped ${s.rule}: ${s.reason}`),
      ...plan.violations.map((v) => `-- violations of ${v.rule}\n${v.sql};`),
    ].join("\n\n");
    golden("rules-hostile-recompute.sql", `${text}\n`);
  });

  test("compiling twice gives the same text", () => {
    expect(compileRules(hostileRules).sql).toBe(compiled.sql);
  });

  test("the header names the spec and forbids edits", () => {
    expect(compiled.sql.split("\n")[0]).toBe(
      "-- generated from tests/golden/rules-hostile.schema.ts by bun run rules:generate; do not edit");
  });

  test("a line break in a rule name cannot end a comment", () => {
    expect(compiled.sql).toContain("  -- constraint it's 100%\\u000asure\n");
    // The tail of an unescaped comment would stand alone on its line as SQL.
    expect(compiled.sql).not.toMatch(/^\s*sure\s*$/m);
  });
});
