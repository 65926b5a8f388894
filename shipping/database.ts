/**
 * Brings the Shipping database up to date: table migrations, the sample data
 * when empty, its generated rule SQL, and a recompute of derived columns after
 * a seed or a rules change.
 */
import { join } from "node:path";
import { count } from "drizzle-orm";
import type { Database } from "../src/engine/db/database";
import { applyGeneratedSql, migrateTables } from "../src/engine/db/migrate";
import { loadCsvTable, resetSequences } from "../src/engine/seed/load-csv";
import { recomputeRules } from "../src/engine/rules";
import { shippingRules } from "./rules";
import { Customers, Items, Orders, Products } from "./schema";

const ROOT = join(import.meta.dir, "..");
export const SHIPPING_MIGRATIONS = join(ROOT, "migrations/shipping");
export const SHIPPING_GENERATED_SQL = join(ROOT, "sql/shipping");
const DATA = join(ROOT, "data/shipping");

/** The generated rules file, as applyGeneratedSql keys it (folder/file). */
const SHIPPING_RULES_SQL_KEY = "shipping/10-rules.sql";

export async function prepareShippingDatabase(database: Database, log: (line: string) => void = () => {}): Promise<void> {
  await migrateTables(database, SHIPPING_MIGRATIONS);
  const [row] = await database.db.select({ n: count() }).from(Customers);
  const seeding = (row?.n ?? 0) === 0;
  if (seeding) {
    log("shipping seed: loading the shipping sample data…");
    await database.db.transaction(async (tx) => {
      for (const [table, file] of [[Customers, "Customers"], [Products, "Products"], [Orders, "Orders"], [Items, "Items"]] as const) {
        await loadCsvTable(tx, { table, file: join(DATA, `${file}.csv`) });
        await resetSequences(tx, table);
      }
    });
  }
  const applied = await applyGeneratedSql(database, [SHIPPING_GENERATED_SQL], log);
  // Sample totals may disagree with the rules, and changed rules need their columns refilled.
  if (seeding || applied.includes(SHIPPING_RULES_SQL_KEY)) await recomputeRules(database.sql, shippingRules, log);
}
