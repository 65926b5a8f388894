/**
 * Entry point of the Northwind service: read config, start, stop on SIGINT/SIGTERM.
 * Uses DATABASE_URL when set, otherwise an embedded Postgres under .data/.
 */
import { join } from "node:path";
import { loadConfig } from "./config";
import { ConfigError } from "./engine/config/parse-env";
import { createLogger } from "./engine/log/logger";
import { stopOnSignals } from "./engine/process/stop-on-signals";
import { surviveStrayErrors } from "./engine/process/survive-stray-errors";
import { startNorthwind } from "./northwind/service";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: "northwind" });
  surviveStrayErrors(logger);
  const running = await startNorthwind(config, logger, join(import.meta.dir, "../.data"));
  logger.info(`Northwind API ${running.url}/api  docs ${running.url}/docs  database ${running.databaseUrl}`);
  stopOnSignals(logger, () => running.stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : `start-up failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
