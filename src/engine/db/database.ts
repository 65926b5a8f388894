/**
 * One postgres.js pool plus its drizzle wrapper, built from a URL and a logger.
 * Postgres NOTICE/DEBUG messages (the rule triggers' logic log) go to the logger at debug.
 */
import postgres from "postgres";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Logger } from "pino";
import { quoteIdent } from "../sql/quote";

export type Sql = postgres.Sql;

export interface Database {
  sql: Sql;
  db: PostgresJsDatabase;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  logger?: Logger;
  max?: number;
}

/**
 * Reconnecting after the server was away. postgres.js's default backoff grows with
 * every refused attempt (3^n / 100 s, up to 20 s), so after a few seconds of
 * downtime under load the pool would wait many seconds more once the server is
 * back: capped at one second here. A connect that hangs gives up after 5 s, well
 * before the HTTP server's 10 s idle timeout would drop the client's request.
 */
export const RECONNECT_OPTIONS = {
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
  connect_timeout: 5,
} as const;

export function createDatabase(opts: DatabaseOptions): Database {
  const sql = postgres(opts.url, {
    ...RECONNECT_OPTIONS,
    max: opts.max ?? 10,
    onnotice: (notice) => opts.logger?.debug({ pg: notice.message, severity: notice.severity }, "postgres"),
    // With the logger at debug, the rule triggers' RAISE DEBUG logic log reaches it too.
    connection: {
      application_name: "northwind-platform",
      ...(opts.logger?.isLevelEnabled("debug") ? { client_min_messages: "debug1" } : {}),
    },
  });
  return { sql, db: drizzle(sql), close: () => sql.end({ timeout: 5 }) };
}

/** Creates `name` on the server behind `adminUrl` when it does not exist yet. */
export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<boolean> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as found from pg_database where datname = ${name}`;
    if (row) return false;
    await admin.unsafe(`create database ${quoteIdent(name)}`);
    return true;
  } finally {
    await admin.end({ timeout: 5 });
  }
}
