/**
 * The recompute of Northwind's derived columns. The seed
 * stores stale totals (ALFKI's CSV Balance is 2102, the rules, which apply the discounts, say 1748), so the
 * database preparation recomputes after seeding and whenever the rules SQL changed.
 */
import type { Database } from "../engine/db/database";
import { compileRules, recompute, type RecomputeOptions, type RecomputeReport } from "../engine/rules";
import { northwindRules } from "./rules";

/** The generated file, as applyGeneratedSql keys it (folder/file). */
export const NORTHWIND_RULES_SQL_KEY = "northwind/10-rules.sql";

export function recomputeNorthwind(database: Database, opts: RecomputeOptions = {}): Promise<RecomputeReport> {
  return recompute(database.sql, compileRules(northwindRules).recompute, opts);
}
