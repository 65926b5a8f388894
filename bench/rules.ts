/**
 * `bun run bench:rules`: the cost of the rule triggers. Inserts 20k order details
 * into existing orders (500-row statements, a commit after each) and re-parents
 * orders, once with the triggers on and once with ALTER TABLE … DISABLE TRIGGER USER,
 * in the same run on an embedded Postgres it starts itself; prints rows/s and ratios.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TransactionSql } from "postgres";
import { createDatabase, ensureDatabaseExists, type Database } from "../src/engine/db/database";
import { scratchDir, startEmbeddedPostgres } from "../src/engine/db/embedded-postgres";
import { prepareNorthwindDatabase } from "../src/northwind/database";

const DETAILS = 20_000;
const BATCH = 500;
const SINGLE_ROWS = 2_000;
const REPARENT_ROUNDS = 4;
const TABLES = ["customer", "\"order\"", "order_detail", "product"];

type Mode = "on" | "off";
interface Result { rows: number; seconds: number }

type Work = (tx: TransactionSql) => Promise<number>;

/** Runs each unit of work in its own transaction; with triggers off, each disables them first. */
async function timed(database: Database, mode: Mode, transactions: Work[]): Promise<Result> {
  const started = performance.now();
  let rows = 0;
  for (const work of transactions) {
    rows += await database.sql.begin(async (tx) => {
      if (mode === "off") for (const t of TABLES) await tx.unsafe(`alter table ${t} disable trigger user`);
      const n = await work(tx);
      if (mode === "off") for (const t of TABLES) await tx.unsafe(`alter table ${t} enable trigger user`);
      return n;
    });
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

const batches = (count: number, size: number) =>
  Array.from({ length: Math.ceil(count / size) }, (_, b) =>
    Array.from({ length: Math.min(size, count - b * size) }, (_, i) => b * size + i));

/** Details spread over all orders and products: one statement of `size` rows per transaction. */
function insertDetails(orders: number[], count: number, size = BATCH): Work[] {
  return batches(count, size).map((ids) => async (tx) => {
    await tx`insert into order_detail (order_id, product_id, quantity)
      select * from unnest(${ids.map((i) => orders[i % orders.length]!)}::int[],
                           ${ids.map((i) => 1 + (i % 77))}::int[], ${ids.map((i) => 1 + (i % 20))}::int[])`;
    return ids.length;
  });
}

/** The OLTP shape: one row per INSERT statement, `size` statements per transaction. */
function insertDetailsOneByOne(orders: number[], count: number, size = 50): Work[] {
  return batches(count, size).map((ids) => async (tx) => {
    for (const i of ids) {
      await tx`insert into order_detail (order_id, product_id, quantity)
        values (${orders[i % orders.length]!}, ${1 + (i % 77)}, ${1 + (i % 20)})`;
    }
    return ids.length;
  });
}

/** Moves every order to another customer, once per transaction. */
function reparentOrders(orders: number[], customers: string[], rounds: number, salt: number): Work[] {
  return Array.from({ length: rounds }, (_, r) => async (tx) => {
    const targets = orders.map((_, i) => customers[(i * 7 + r * 13 + salt) % customers.length]!);
    await tx`update "order" o set customer_id = v.c
      from unnest(${orders}::int[], ${targets}::text[]) as v(id, c) where o.id = v.id`;
    return orders.length;
  });
}

const rate = (r: Result) => `${Math.round(r.rows / r.seconds).toLocaleString("en-US").padStart(9)} rows/s (${r.seconds.toFixed(2)} s)`;

function report(label: string, on: Result, off: Result): void {
  console.log(`${label.padEnd(38)} rules on ${rate(on)} | triggers off ${rate(off)} | ratio ${(on.seconds / off.seconds).toFixed(2)}x slower`);
}

async function main(): Promise<void> {
  const workDir = scratchDir("nw-bench-");
  const server = await startEmbeddedPostgres({ baseDir: join(workDir, "postgres") });
  try {
    await ensureDatabaseExists(server.adminUrl, "bench");
    const database = createDatabase({ url: server.urlFor("bench"), max: 2 });
    try {
      await prepareNorthwindDatabase(database);
      // Credit is not what is measured; lift it so every commit passes its checks.
      await database.sql`update customer set credit_limit = 1e9`;
      const orders = (await database.sql<{ id: number }[]>`select id from "order" order by id`).map((r) => r.id);
      const customers = (await database.sql<{ id: string }[]>`select id from customer order by id`).map((r) => r.id);
      await timed(database, "on", insertDetails(orders, 2_000)); // warm-up: plans, caches
      await timed(database, "off", insertDetails(orders, 2_000));
      const { server_version: version } = (await database.sql<{ server_version: string }[]>`show server_version`)[0]!;
      console.log(`rules bench on embedded PostgreSQL ${version} (fsync off), one connection`);
      const insertOff = await timed(database, "off", insertDetails(orders, DETAILS));
      const insertOn = await timed(database, "on", insertDetails(orders, DETAILS));
      report(`insert ${DETAILS.toLocaleString("en-US")} details, ${BATCH}/statement`, insertOn, insertOff);
      const singleOff = await timed(database, "off", insertDetailsOneByOne(orders, SINGLE_ROWS));
      const singleOn = await timed(database, "on", insertDetailsOneByOne(orders, SINGLE_ROWS));
      report(`insert ${SINGLE_ROWS.toLocaleString("en-US")} details, 1/statement`, singleOn, singleOff);
      const moveOff = await timed(database, "off", reparentOrders(orders, customers, REPARENT_ROUNDS, 1));
      const moveOn = await timed(database, "on", reparentOrders(orders, customers, REPARENT_ROUNDS, 2));
      report(`re-parent ${(orders.length * REPARENT_ROUNDS).toLocaleString("en-US")} orders`, moveOn, moveOff);
    } finally {
      await database.close();
    }
  } finally {
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
