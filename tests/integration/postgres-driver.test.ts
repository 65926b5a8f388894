/**
 * postgres.js as patched (patches/postgres@3.4.9.patch): a server session lost
 * under a transaction rejects that transaction with CONNECTION_CLOSED and leaves
 * the pool working. Unpatched, begin()'s own ROLLBACK wrote to the null socket
 * from a timer (a TypeError that ended the process), the connection was left in
 * the pool's `full` queue, and the next session failed with the old one's error.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import postgres from "postgres";
import { cloneDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => { db = await cloneDatabase(); });
afterAll(async () => { await db.drop(); });

test("backends terminated under transactions, six times over: each rejects CONNECTION_CLOSED, the pool keeps serving", async () => {
  const sql = postgres(db.url, { max: 2, onnotice: () => {} });
  try {
    for (let round = 0; round < 6; round++) {
      let pid: number | undefined;
      const tx = sql.begin(async (t) => {
        const [row] = await t<{ pid: number }[]>`select pg_backend_pid() as pid`;
        pid = row!.pid;
        await t`select pg_sleep(5)`;
      });
      const outcome = tx.then(() => "committed", (e: { code?: string }) => e.code);
      while (pid === undefined) await Bun.sleep(10);
      await db.sql`select pg_terminate_backend(${pid})`;
      expect(await outcome).toBe("CONNECTION_CLOSED");
      await Bun.sleep(20); // the timer that used to write to the closed socket
      const [after] = await sql<{ one: number }[]>`select 1 as one`;
      expect(after!.one).toBe(1);
    }
  } finally {
    await sql.end({ timeout: 2 });
  }
}, 30_000);
