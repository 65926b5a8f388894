/**
 * Entry point of the Shipping service (`bun run shipping`). Uses DATABASE_URL,
 * or an embedded Postgres of its own under .data/shipping.
 */
import { join } from "node:path";
import { ConfigError } from "../src/engine/config/parse-env";
import { provisionPostgres } from "../src/engine/db/provision";
import { createLogger } from "../src/engine/log/logger";
import { stopOnSignals } from "../src/engine/process/stop-on-signals";
import { surviveStrayErrors } from "../src/engine/process/survive-stray-errors";
import { loadShippingConfig } from "./config";
import { startShipping } from "./service";

async function main(): Promise<void> {
  const config = loadShippingConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: "shipping" });
  surviveStrayErrors(logger);
  const postgres = await provisionPostgres({ databaseUrl: config.DATABASE_URL, database: "shipping",
    dataDir: join(import.meta.dir, "../.data/shipping"), log: (l) => logger.info(l) });
  const running = await startShipping(config, postgres.url, logger);
  logger.info(`Shipping API ${running.url}/api  docs ${running.url}/docs  database ${postgres.url}`);
  stopOnSignals(logger, async () => {
    await running.stop();
    await postgres.stop();
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : `shipping start-up failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
