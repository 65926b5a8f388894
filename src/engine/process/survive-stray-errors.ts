/**
 * The last line of defence of a long-running service: a rejected promise nobody
 * awaited, or an exception thrown from a callback, is logged with its stack and
 * the process goes on. Without this, Bun (like Node) ends the process, so one
 * request could stop every service and the relay with it. Each logged one is a
 * bug to fix where it starts; this guard only keeps the rest of the system up.
 */
import type { Logger } from "pino";

export function surviveStrayErrors(logger: Logger): void {
  process.on("unhandledRejection", (reason: unknown) => {
    logger.error({ err: reason }, "unhandled promise rejection (the process goes on)");
  });
  process.on("uncaughtException", (err: Error) => {
    logger.error({ err }, "uncaught exception (the process goes on)");
  });
}
