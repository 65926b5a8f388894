/**
 * inSessionTransaction: a drizzle transaction that acts for a session (role and
 * claims first, see session.ts) and is retried whole on deadlock or
 * serialization failure (retry.ts). The B2B endpoint and the inbox consumer write
 * through it; the JSON:API's pipelined runInTransaction shares the same settings
 * and retry, so every writer behaves the same under the rules' parent locks.
 */
import type { Database } from "./database";
import { applyDbSession, type DbSession, type DrizzleTx } from "./session";
import { withRetry } from "./retry";

export function inSessionTransaction<T>(database: Database, session: DbSession | undefined,
  fn: (tx: DrizzleTx) => Promise<T>): Promise<T> {
  return withRetry(() => database.db.transaction(async (tx) => {
    await applyDbSession(tx, session);
    return fn(tx);
  }));
}
