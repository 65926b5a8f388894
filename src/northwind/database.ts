/**
 * Brings the Northwind database up to date: table migrations, the seed when the
 * database is empty, then the generated rule and policy SQL, and a recompute of
 * derived columns when the data was just seeded or the rules changed.
 */
import { join } from "node:path";
import type { Database } from "../engine/db/database";
import { applyGeneratedSql, migrateTables } from "../engine/db/migrate";
import { recomputeRules, type RecomputeReport } from "../engine/rules";
import { NORTHWIND_RULES_SQL_KEY } from "./recompute";
import { northwindRules } from "./rules";
import { isSeeded, seedNorthwind } from "./seed";

const ROOT = join(import.meta.dir, "../..");
export const NORTHWIND_MIGRATIONS = join(ROOT, "migrations/northwind");
export const NORTHWIND_GENERATED_SQL = join(ROOT, "sql/northwind");

export interface PrepareResult { seeded: boolean; appliedGeneratedFiles: string[]; recompute?: RecomputeReport }

export async function prepareNorthwindDatabase(database: Database, log: (line: string) => void = () => {},
  opts: { seed?: boolean } = {}): Promise<PrepareResult> {
  log("migrate: table migrations…");
  await migrateTables(database, NORTHWIND_MIGRATIONS);
  let seeded = false;
  if (opts.seed !== false && !(await isSeeded(database.db))) {
    log("seed: loading the Northwind sample data (first run only)…");
    await seedNorthwind(database.db, log);
    seeded = true;
  }
  const appliedGeneratedFiles = await applyGeneratedSql(database, [NORTHWIND_GENERATED_SQL], log);
  // The seed loads with triggers off and stale stored totals; new rules need their columns filled.
  if (!seeded && !appliedGeneratedFiles.includes(NORTHWIND_RULES_SQL_KEY)) return { seeded, appliedGeneratedFiles };
  const recompute = await recomputeRules(database.sql, northwindRules, log);
  return { seeded, appliedGeneratedFiles, recompute };
}
