/**
 * Grants compiled to row-level security, checked as a direct SQL session would
 * see them: SET ROLE plus the request's claims, no API in between.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cloneDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => { db = await cloneDatabase(); });
afterAll(async () => { await db.drop(); });

/** Runs `fn` in a transaction acting as `role` with `claims`, then rolls back. */
async function as<T>(role: string, claims: Record<string, unknown>, fn: (tx: typeof db.sql) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await db.sql.begin(async (tx) => {
    await tx.unsafe(`set local role ${role}`);
    await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
    result = await fn(tx as unknown as typeof db.sql);
    throw new Error("rollback");
  }).catch((e: Error) => { if (e.message !== "rollback") throw e; });
  return result as T;
}

const ALFKI = { sub: "ALFKI", roles: ["customer"], customer_id: "ALFKI" };

describe("row-level security from grants (direct SQL)", () => {
  test("a customer sees only its own customer, orders and order details", async () => {
    const seen = await as("nw_customer", ALFKI, async (tx) => (await tx`select
      (select count(*)::int from customer) as customers,
      (select count(*)::int from "order") as orders,
      (select count(*)::int from order_detail) as details,
      (select count(*)::int from product) as products`)[0]);
    const [truth] = await db.sql`select
      (select count(*)::int from "order" where customer_id = 'ALFKI') as orders,
      (select count(*)::int from order_detail d join "order" o on o.id = d.order_id where o.customer_id = 'ALFKI') as details`;
    expect(seen).toEqual({ customers: 1, orders: truth!.orders, details: truth!.details, products: 77 });
    expect(truth!.orders).toBe(6);
  });

  test("admin and sales see all 95 customers", async () => {
    for (const role of ["nw_admin", "nw_sales"]) {
      const [row] = await as(role, { sub: "x", roles: [] }, (tx) => tx`select count(*)::int as n from customer`);
      expect(row?.n).toBe(95);
    }
  });

  test("a customer cannot update another customer's row, nor its own credit limit", async () => {
    const other = await as("nw_customer", ALFKI, (tx) => tx`update customer set phone = 'x' where id = 'ANATR' returning id`);
    expect(other).toHaveLength(0);
    const credit = await as("nw_customer", ALFKI, (tx) => tx`update customer set credit_limit = 999999 where id = 'ALFKI'`)
      .catch((e: { code: string }) => e.code);
    expect(credit).toBe("42501");
    const own = await as("nw_customer", ALFKI, (tx) => tx`update customer set phone = '030-1' where id = 'ALFKI' returning phone`);
    expect(own).toEqual([{ phone: "030-1" }] as never);
  });

  test("a customer cannot place an order for another customer", async () => {
    const code = await as("nw_customer", ALFKI,
      (tx) => tx`insert into "order" (customer_id, employee_id) values ('ANATR', 5)`).catch((e: { code: string }) => e.code);
    expect(code).toBe("42501");
  });

  test("rules still adjust the customer's balance when a customer places an order", async () => {
    const balance = await as("nw_customer", ALFKI, async (tx) => {
      const [o] = await tx`insert into "order" (customer_id, employee_id, ready) values ('ALFKI', 5, true) returning id`;
      await tx`insert into order_detail (order_id, product_id, quantity) values (${o!.id}, 1, 2)`;
      const [c] = await tx`select balance from customer where id = 'ALFKI'`;
      return Number(c!.balance);
    });
    const [before] = await db.sql`select balance from customer where id = 'ALFKI'`;
    expect(balance).toBe(Number(before!.balance) + 36);
  });
});
