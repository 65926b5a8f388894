/**
 * Who a transaction acts for: `SET LOCAL ROLE` and the transaction-local
 * `request.jwt.claims`, which row-level-security policies and triggers read.
 * Applied first in every request transaction, for drizzle transactions.
 */
import { sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { quoteIdent } from "../sql/quote";

export interface DbSession {
  role?: string;
  claims?: Record<string, unknown>;
}

export type DrizzleTx = Parameters<Parameters<PostgresJsDatabase["transaction"]>[0]>[0];

export async function applyDbSession(tx: DrizzleTx, session: DbSession | undefined): Promise<void> {
  if (session?.role) await tx.execute(sql.raw(`set local role ${quoteIdent(session.role)}`));
  if (session?.claims) await tx.execute(sql`select set_config('request.jwt.claims', ${JSON.stringify(session.claims)}, true)`);
}
