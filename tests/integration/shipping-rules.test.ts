/** Shipping's own check-credit rules on its own database: prices copied, totals and balances kept, credit enforced. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => { db = await cloneDatabase(SHIPPING_TEMPLATE_DATABASE); });
afterAll(async () => { await db.drop(); });

const balance = async (id: number) => Number((await db.sql`select balance from customers where customer_id = ${id}`)[0]!.balance);

describe("shipping rules", () => {
  test("the seeded data agrees with the rules", async () => {
    const drift = await db.sql`select c.customer_id from customers c
      where c.balance <> (select coalesce(sum(amount_total), 0) from orders o where o.customer_id = c.customer_id and o.ship_date is null)`;
    expect(drift).toHaveLength(0);
    expect(await balance(2)).toBe(50);
  });

  test("an order's items are priced from Products, totalled, and put on the balance; shipping takes it off", async () => {
    const before = await balance(1);
    const [order] = await db.sql`insert into orders (customer_id) values (1) returning order_id`;
    await db.sql`insert into items (order_id, product_id, quantity) values (${order!.order_id}, 3, 2), (${order!.order_id}, 4, 1)`;
    const items = await db.sql`select unit_price, amount from items where order_id = ${order!.order_id} order by item_id`;
    expect(items.map((i) => [Number(i.unit_price), Number(i.amount)])).toEqual([[10, 20], [20, 20]]);
    const [total] = await db.sql`select amount_total from orders where order_id = ${order!.order_id}`;
    expect(Number(total!.amount_total)).toBe(40);
    expect(await balance(1)).toBe(before + 40);
    await db.sql`update orders set ship_date = '2026-11-28' where order_id = ${order!.order_id}`;
    expect(await balance(1)).toBe(before);
  });

  test("an order over the credit limit fails at commit with the rule's message", async () => {
    const error = await db.sql.begin(async (tx) => {
      const [order] = await tx`insert into orders (customer_id) values (4) returning order_id`;
      await tx`insert into items (order_id, product_id, quantity) values (${order!.order_id}, 4, 60)`;
    }).catch((e: { code: string; message: string }) => e);
    expect(error).toMatchObject({ code: "23514", message: "balance (1200.00) exceeds credit (1000.00)" });
    expect(await balance(4)).toBe(0);
  });
});
