/**
 * `bun run rules:recompute`: recomputes every derived Northwind column from the
 * rows (set-based, in dependency order) and prints what changed and which rows
 * violate constraints. Uses DATABASE_URL, else the dev database (`bun run dev`'s).
 */
import { join } from "node:path";
import { loadConfig } from "../src/config";
import { createDatabase } from "../src/engine/db/database";
import { provisionPostgres, type ProvisionedPostgres } from "../src/engine/db/provision";
import { recomputeNorthwind } from "../src/northwind/recompute";

const DEV_URL = "postgres://postgres:postgres@127.0.0.1:54329/northwind";

/** The running dev server if there is one; otherwise the embedded one is started for this run. */
async function connect(url: string | undefined): Promise<{ url: string; postgres?: ProvisionedPostgres }> {
  if (url) return { url };
  const probe = createDatabase({ url: DEV_URL, max: 1 });
  try {
    await probe.sql`select 1`;
    return { url: DEV_URL };
  } catch {
    const postgres = await provisionPostgres({ dataDir: join(import.meta.dir, "../.data"), database: "northwind", port: 54329 });
    return { url: postgres.url, postgres };
  } finally {
    await probe.close();
  }
}

async function main(): Promise<void> {
  const target = await connect(loadConfig().DATABASE_URL);
  const database = createDatabase({ url: target.url, max: 2 });
  try {
    const report = await recomputeNorthwind(database, { log: (line) => console.log(line) });
    for (const s of report.skipped) console.log(`recompute: ${s.rule} skipped: ${s.reason}`);
    console.log(`recompute: done (${report.violations.length} rows violate constraints; triggers quieted by ${report.mode})`);
  } finally {
    await database.close();
    await target.postgres?.stop();
  }
}

await main();
