/**
 * Who a transaction acts for: `SET LOCAL ROLE` and the transaction-local
 * `request.jwt.claims`, which row-level-security policies and triggers read.
 * Applied first in every request transaction, for drizzle transactions.
 */
import { sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";

export interface DbSession {
  role?: string;
  claims?: Record<string, unknown>;
}

export type DrizzleTx = Parameters<Parameters<PostgresJsDatabase["transaction"]>[0]>[0];

/**
 * The transaction-local settings a session makes: `role` (what SET LOCAL ROLE
 * sets, here with the name as a bound value, as PostgREST does) and the claims.
 */
export function sessionSettings(session: DbSession | undefined): [name: string, value: string][] {
  const settings: [string, string][] = [];
  if (session?.role) settings.push(["role", session.role]);
  if (session?.claims) settings.push(["request.jwt.claims", JSON.stringify(session.claims)]);
  return settings;
}

/** Applies the session in one statement, first in a drizzle transaction. */
export async function applyDbSession(tx: DrizzleTx, session: DbSession | undefined): Promise<void> {
  const settings = sessionSettings(session);
  if (settings.length === 0) return;
  await tx.execute(sql`select ${sql.join(settings.map(([name, value]) => sql`set_config(${name}, ${value}, true)`), sql`, `)}`);
}
