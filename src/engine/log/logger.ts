/** pino logger factory: JSON lines in production, pretty in a terminal for dev. */
import pino, { type Logger } from "pino";

export function createLogger(opts: { level: string; name: string; pretty?: boolean }): Logger {
  const pretty = opts.pretty ?? (process.stdout.isTTY === true);
  return pino({
    name: opts.name,
    level: opts.level,
    ...(pretty ? { transport: { target: "pino-pretty", options: { colorize: true, ignore: "pid,hostname" } } } : {}),
  });
}
