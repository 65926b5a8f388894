/**
 * Which rule specs compile to which generated files; shared by the SQL
 * generator (generated-sql-targets.ts) and rules:stats. A new schema adds a line here.
 */
import { join } from "node:path";
import type { RuleSet } from "../src/engine/rules";
import { northwindRules } from "../src/northwind/rules";
import { shippingRules } from "../shipping/rules";

export const ROOT = join(import.meta.dir, "..");

export interface RuleTarget { rules: RuleSet; out: string }

export const RULE_TARGETS: readonly RuleTarget[] = [
  { rules: northwindRules, out: "sql/northwind/10-rules.sql" },
  { rules: shippingRules, out: "sql/shipping/10-rules.sql" },
];
