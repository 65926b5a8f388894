/**
 * Entry points stop gracefully on SIGINT/SIGTERM: run the stop function once,
 * then exit 0 (or 1 when stopping failed). A second signal exits at once.
 */
import type { Logger } from "pino";

export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info(`${signal}: shutting down`);
    stop().then(() => process.exit(0), (err: unknown) => {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    });
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
}
