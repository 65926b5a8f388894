/**
 * `bun run rules:recompute`: recomputes every derived Northwind column from the
 * rows (set-based, in dependency order) and prints what changed and which rows
 * violate constraints. Uses DATABASE_URL, else the dev database (`bun run dev`'s).
 */
import { join } from "node:path";
import { loadConfig } from "../src/config";
import { createDatabase } from "../src/engine/db/database";
import { runningEmbeddedUrl } from "../src/engine/db/embedded-postgres";
import { provisionPostgres, type ProvisionedPostgres } from "../src/engine/db/provision";
import { recomputeNorthwind } from "../src/northwind/recompute";

const DATA_DIR = join(import.meta.dir, "../.data");

/** This checkout's running dev server if there is one; otherwise its embedded one is started for this run. */
async function connect(url: string | undefined): Promise<{ url: string; postgres?: ProvisionedPostgres }> {
  if (url) return { url };
  const running = runningEmbeddedUrl(join(DATA_DIR, "postgres"), "northwind");
  if (running) return { url: running };
  const postgres = await provisionPostgres({ dataDir: DATA_DIR, database: "northwind" });
  return { url: postgres.url, postgres };
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
