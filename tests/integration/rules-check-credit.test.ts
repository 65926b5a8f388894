/**
 * The nine check-credit transactions of the LogicBank tutorial, through plain
 * SQL on a cloned Northwind database, each asserting exact derived values after.
 * Every test builds its own customer, products and order.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cloneDatabase, type TestDatabase } from "../support/test-database";
import { rulesFixtures } from "./rules-fixtures";

let db: TestDatabase;
let f: ReturnType<typeof rulesFixtures>;
beforeAll(async () => {
  db = await cloneDatabase();
  f = rulesFixtures(db.sql);
});
afterAll(async () => { await db.drop(); });

/** A customer with one ready order: 3 × 10.00 and 2 × 25.00 = 80.00. */
async function placed() {
  const customer = await f.customer();
  const [p1, p2] = [await f.product("10.00", { stock: 100 }), await f.product("25.00", { stock: 50 })];
  const { orderId, details } = await f.order(customer, [[p1, 3], [p2, 2]]);
  return { customer, p1, p2, orderId, d1: details[0]!, d2: details[1]! };
}

const counts = (balance: string, orders: number, unpaid: number) =>
  ({ balance, order_count: orders, unpaid_order_count: unpaid });

describe("check credit: the nine transactions", () => {
  test("1. place an order with items", async () => {
    const { customer, orderId, d1, d2 } = await placed();
    expect(await f.detailRow(d1)).toEqual({ unit_price: "10.00", quantity: 3, amount: "30.00", shipped_date: null });
    expect(await f.detailRow(d2)).toEqual({ unit_price: "25.00", quantity: 2, amount: "50.00", shipped_date: null });
    expect(await f.orderRow(orderId)).toEqual({ amount_total: "80.00", order_detail_count: 2 });
    expect(await f.customerRow(customer)).toEqual(counts("80.00", 1, 1));
  });

  test("2. add an item", async () => {
    const { customer, orderId, p1 } = await placed();
    await db.sql`insert into order_detail (order_id, product_id, quantity) values (${orderId}, ${p1}, 1)`;
    expect(await f.orderRow(orderId)).toEqual({ amount_total: "90.00", order_detail_count: 3 });
    expect(await f.customerRow(customer)).toEqual(counts("90.00", 1, 1));
  });

  test("3. delete an item", async () => {
    const { customer, orderId, d2 } = await placed();
    await db.sql`delete from order_detail where id = ${d2}`;
    expect(await f.orderRow(orderId)).toEqual({ amount_total: "30.00", order_detail_count: 1 });
    expect(await f.customerRow(customer)).toEqual(counts("30.00", 1, 1));
  });

  test("4. change a quantity", async () => {
    const { customer, orderId, d1 } = await placed();
    await db.sql`update order_detail set quantity = 5 where id = ${d1}`;
    expect(await f.detailRow(d1)).toMatchObject({ quantity: 5, amount: "50.00" });
    expect(await f.orderRow(orderId)).toEqual({ amount_total: "100.00", order_detail_count: 2 });
    expect(await f.customerRow(customer)).toEqual(counts("100.00", 1, 1));
  });

  test("5. change the product: the price is re-copied; a later price change is not", async () => {
    const { customer, orderId, d1, p1, p2 } = await placed();
    await db.sql`update order_detail set product_id = ${p2} where id = ${d1}`;
    expect(await f.detailRow(d1)).toMatchObject({ unit_price: "25.00", quantity: 3, amount: "75.00" });
    expect(await f.orderRow(orderId)).toEqual({ amount_total: "125.00", order_detail_count: 2 });
    expect(await f.customerRow(customer)).toEqual(counts("125.00", 1, 1));
    await db.sql`update product set unit_price = 99 where id in (${p1}, ${p2})`;
    expect(await f.detailRow(d1)).toMatchObject({ unit_price: "25.00", amount: "75.00" });
    expect(await f.customerRow(customer)).toEqual(counts("125.00", 1, 1));
  });

  test("6. move the order to another customer: both balances", async () => {
    const { customer, orderId } = await placed();
    const other = await f.customer();
    await db.sql`update "order" set customer_id = ${other} where id = ${orderId}`;
    expect(await f.customerRow(customer)).toEqual(counts("0.00", 0, 0));
    expect(await f.customerRow(other)).toEqual(counts("80.00", 1, 1));
  });

  test("7. ship: balance down, stock down", async () => {
    const { customer, orderId, p1, p2, d1 } = await placed();
    await db.sql`update "order" set shipped_date = '2024-05-01' where id = ${orderId}`;
    expect(await f.customerRow(customer)).toEqual(counts("0.00", 1, 0));
    expect((await f.detailRow(d1))?.shipped_date).toBe("2024-05-01");
    expect(await f.productRow(p1)).toEqual({ units_shipped: 3, units_in_stock: 97 });
    expect(await f.productRow(p2)).toEqual({ units_shipped: 2, units_in_stock: 48 });
  });

  test("8. unship: balance and stock come back", async () => {
    const { customer, orderId, p1, p2, d1 } = await placed();
    await db.sql`update "order" set shipped_date = '2024-05-01' where id = ${orderId}`;
    await db.sql`update "order" set shipped_date = null where id = ${orderId}`;
    expect(await f.customerRow(customer)).toEqual(counts("80.00", 1, 1));
    expect((await f.detailRow(d1))?.shipped_date).toBeNull();
    expect(await f.productRow(p1)).toEqual({ units_shipped: 0, units_in_stock: 100 });
    expect(await f.productRow(p2)).toEqual({ units_shipped: 0, units_in_stock: 50 });
  });

  test("9. delete the order: its items go too, balance and counts down", async () => {
    const { customer, orderId, p1 } = await placed();
    await db.sql`delete from "order" where id = ${orderId}`;
    expect(await f.customerRow(customer)).toEqual(counts("0.00", 0, 0));
    const [left] = await db.sql`select count(*)::int as n from order_detail where order_id = ${orderId}`;
    expect(left?.n).toBe(0);
    expect(await f.productRow(p1)).toEqual({ units_shipped: 0, units_in_stock: 100 });
  });
});
