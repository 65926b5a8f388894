/**
 * Concurrent writers under the rules: 50 transactions on separate connections
 * race for one customer's credit; the parent row lock taken by the delta update
 * serialises them, so the balance never passes the limit and equals the rows' sum.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import postgres from "postgres";
import { withRetry } from "../../src/engine/db/retry";
import { cloneDatabase, type TestDatabase } from "../support/test-database";
import { rulesFixtures } from "./rules-fixtures";

let db: TestDatabase;
let pool: postgres.Sql;
let f: ReturnType<typeof rulesFixtures>;

beforeAll(async () => {
  db = await cloneDatabase();
  // Deadlocks are part of the test; detect them in 100 ms rather than the default second.
  await db.sql.unsafe(`alter database "${db.name}" set deadlock_timeout = '100ms'`);
  pool = postgres(db.url, { max: 50, onnotice: () => {} });
  f = rulesFixtures(db.sql);
});
afterAll(async () => {
  await pool.end({ timeout: 5 });
  await db.drop();
});

type Tx = postgres.TransactionSql;

/** One ready order of 2 × 30.00 for the customer. */
async function placeOrder(tx: Tx, customer: string, product: number): Promise<void> {
  const [o] = await tx`insert into "order" (customer_id, employee_id, ready) values (${customer}, 1, true) returning id`;
  await tx`insert into order_detail (order_id, product_id, quantity) values (${o!.id}, ${product}, 1), (${o!.id}, ${product}, 1)`;
}

/** Resolves once `n` callers have arrived. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open = () => {};
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return () => {
    arrived += 1;
    if (arrived === n) open();
    return opened;
  };
}

async function balanceFromRows(customer: string): Promise<string> {
  const [row] = await db.sql`select coalesce(sum(d.amount), 0)::numeric(14,2)::text as total from order_detail d
    join "order" o on o.id = d.order_id where o.customer_id = ${customer} and o.ready and o.shipped_date is null`;
  return row!.total;
}

describe("concurrent orders", () => {
  test("50 racing transactions for one customer: only what fits the credit commits", async () => {
    const customer = await f.customer(1000);
    const product = await f.product("30.00");
    let retries = 0;
    const place = () => withRetry(() => pool.begin((tx) => placeOrder(tx, customer, product)),
      { onRetry: () => { retries += 1; } });
    const results = await Promise.allSettled(Array.from({ length: 50 }, place));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(failures.map((e) => e.code)).toEqual(Array(34).fill("23514"));
    // 16 × 60.00 = 960.00 fits the 1000.00 credit; a 17th would not.
    const [row] = await db.sql`select balance, order_count from customer where id = ${customer}`;
    expect(row).toEqual({ balance: "960.00", order_count: 16 });
    expect(await balanceFromRows(customer)).toBe("960.00");
    expect(retries).toBe(0);
  });

  test("two writers locking two customers in opposite orders deadlock; withRetry absorbs it", async () => {
    const [a, b] = [await f.customer(100_000), await f.customer(100_000)];
    const product = await f.product("30.00");
    const bothHoldOne = barrier(2);
    const codes: string[] = [];
    // On the first attempt each holds its first customer's row lock before asking for the other's.
    const run = (first: string, second: string) => withRetry((attempt) => pool.begin(async (tx) => {
      await placeOrder(tx, first, product);
      if (attempt === 1) await bothHoldOne();
      await placeOrder(tx, second, product);
    }), { onRetry: ({ code }) => { codes.push(code); } });
    await Promise.all([run(a, b), run(b, a)]);
    // At least the first attempt deadlocks; under load a retry may meet the other writer again.
    expect(codes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(codes)).toEqual(new Set(["40P01"]));
    for (const customer of [a, b]) {
      const [row] = await db.sql`select balance, order_count from customer where id = ${customer}`;
      expect(row).toEqual({ balance: "120.00", order_count: 2 });
      expect(await balanceFromRows(customer)).toBe("120.00");
    }
  });
});
