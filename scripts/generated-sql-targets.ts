/**
 * Every generated SQL file of the project: each service's rules and grants,
 * plus Northwind's publish rules. sql:generate / rules:generate write
 * them; sql:check / rules:check (run by the test command) verify them.
 */
import { compileRules } from "../src/engine/rules";
import type { GeneratedSqlFile } from "../src/engine/sql/generated-files";
import { northwindGeneratedSql } from "../src/northwind/generated-sql";
import { shippingGeneratedSql } from "../shipping/generated-sql";
import { RULE_TARGETS } from "./rules-targets";

export const GENERATED_SQL: readonly GeneratedSqlFile[] = [
  // The rules compiler writes its own header (with the rule list).
  ...RULE_TARGETS.map((t) => ({ path: t.out, render: () => compileRules(t.rules).sql })),
  ...northwindGeneratedSql,
  ...shippingGeneratedSql,
];
