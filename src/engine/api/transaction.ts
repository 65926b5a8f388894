/**
 * runInTransaction: the one place API statements reach the database. A request's
 * statements run in one transaction on one connection, pipelined (a read, BEGIN
 * to COMMIT, is one round trip). Request context travels in, not through
 * arguments: `c.var.dbSession` (set by auth middleware) becomes the
 * transaction-local role and `request.jwt.claims` before any statement runs.
 */
import type { Context } from "hono";
import type { Database } from "../db/database";
import { sessionSettings, type DbSession } from "../db/session";
import type { AppVariables } from "../http/app-env";
import { withRetry } from "../db/retry";
import { compile } from "./sql/compile";
import type { Statement } from "./sql/sql-ast";

export type { DbSession };
/** `dbSession`: who the request acts as (RLS, rule triggers); set by auth middleware. */
export interface ApiVariables extends AppVariables { dbSession?: DbSession }
export interface ApiEnv { Variables: ApiVariables }

export type Row = Record<string, unknown>;

export interface Tx {
  /** Sends the statement; several sends before an await share one round trip. */
  run<R extends Row = Row>(statement: Statement): Promise<R[]>;
}

export interface TransactionOptions {
  /**
   * A read sends all its statements before its first await; they go out in one round trip under
   * one REPEATABLE READ READ ONLY snapshot. Writes run READ COMMITTED and are retried on deadlock.
   */
  readOnly?: boolean;
}

interface Queued { statement: Statement; resolve(rows: Row[]): void; reject(error: unknown): void }

export async function runInTransaction<T>(c: Context, database: Database, fn: (tx: Tx) => Promise<T>,
  opts: TransactionOptions = {}): Promise<T> {
  // Rule triggers lock parent rows, so concurrent writers can deadlock: a write is retried whole.
  return opts.readOnly ? read(c, database, fn) : withRetry(() => write(c, database, fn));
}

type Send = <R>(text: string, params?: unknown[]) => Promise<R[]>;

/** Marks a promise that is awaited later as handled, so its early rejection cannot end the process. */
function handled<P extends Promise<unknown>>(promise: P): P {
  promise.catch(() => {});
  return promise;
}

function sender(c: Context, sql: Database["sql"]): { send: Send; compileAndSend: <R>(s: Statement) => Promise<R[]> } {
  const log = (c.var as Partial<ApiVariables>).logger;
  const debug = log?.isLevelEnabled("debug") ? log : undefined;
  const send: Send = <R>(text: string, params: unknown[] = []) => {
    return handled(sql.unsafe(text, params as never[], { prepare: params.length > 0 }).execute()) as unknown as Promise<R[]>;
  };
  return {
    send,
    compileAndSend<R>(statement: Statement) {
      const { text, params } = compile(statement);
      debug?.debug({ sql: text, params }, "sql");
      return send<R>(text, [...params]);
    },
  };
}

/** BEGIN, then the session's settings (role and claims, see db/session.ts) in one statement. */
function begin(c: Context, send: Send, readOnly: boolean): Promise<unknown>[] {
  const settings = sessionSettings((c.var as Partial<ApiVariables>).dbSession);
  const setup = [send(readOnly ? "begin isolation level repeatable read read only" : "begin")];
  if (settings.length) {
    const calls = settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`);
    setup.push(send(`select ${calls.join(", ")}`, settings.flat()));
  }
  return setup;
}

/**
 * Reads send every statement before their first await; they are collected, then sent in one
 * round trip, BEGIN to COMMIT. A lone statement with no session to set up needs no BEGIN:
 * Postgres runs it as its own transaction, with one snapshot, all the same.
 */
async function read<T>(c: Context, database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const queued: Queued[] = [];
  let open = true;
  const pending = fn({
    run<R extends Row>(statement: Statement) {
      if (!open) throw new Error("statement sent after the first await: a read sends all its statements up front");
      // fn may await only the first of several statements; a later one failing too must not be "unhandled".
      return handled(new Promise<R[]>((resolve, reject) => queued.push({ statement, resolve: resolve as Queued["resolve"], reject })));
    },
  });
  open = false;
  // The statements' answers arrive while COMMIT is still in flight: until `await pending` below,
  // a rejected `pending` would count as unhandled and end the process.
  handled(pending);
  if (queued.length === 0) return pending;
  if (queued.length === 1 && sessionSettings((c.var as Partial<ApiVariables>).dbSession).length === 0) {
    const only = queued[0]!;
    sender(c, database.sql).compileAndSend<Row>(only.statement).then(only.resolve, only.reject);
    return pending;
  }
  const conn = await database.sql.reserve();
  try {
    const { send, compileAndSend } = sender(c, conn);
    const setup = begin(c, send, true);
    for (const q of queued) compileAndSend<Row>(q.statement).then(q.resolve, q.reject);
    // After an error Postgres turns this COMMIT into a ROLLBACK.
    const commit = send("commit");
    const setupError = await Promise.all(setup).then(() => undefined, (e: unknown) => e);
    await commit.catch(() => {});
    // A failed BEGIN or SET aborts everything after it: report that cause, not the echo.
    if (setupError) throw setupError;
    return await pending;
  } finally {
    conn.release();
  }
}

async function write<T>(c: Context, database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const conn = await database.sql.reserve();
  const { send, compileAndSend } = sender(c, conn);
  const setup = begin(c, send, false);
  try {
    const result = await fn({ run: compileAndSend });
    await Promise.all(setup);
    await send("commit");
    return result;
  } catch (error) {
    const setupError = await Promise.all(setup).then(() => undefined, (e: unknown) => e);
    await send("rollback").catch(() => {});
    throw setupError ?? error;
  } finally {
    conn.release();
  }
}
