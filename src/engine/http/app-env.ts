/** The Hono environment every engine app shares: per-request logger and id. */
import type { Logger } from "pino";

export interface AppVariables {
  requestId: string;
  logger: Logger;
}

export interface AppEnv {
  Variables: AppVariables;
}
