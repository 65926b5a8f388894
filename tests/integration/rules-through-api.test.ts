/**
 * The nine check-credit transactions again, each written through the JSON:API
 * as a sales user (the same triggers govern it), plus the over-credit order
 * answered 422 with the rule's message and nothing changed.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { call, one } from "../support/jsonapi-client";
import { authAs, createTestApp, type TestApp } from "../support/test-app";
import { rulesFixtures } from "./rules-fixtures";

let t: TestApp;
let f: ReturnType<typeof rulesFixtures>;
let sales: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  f = rulesFixtures(t.database.sql);
  sales = await authAs(t, "s1");
});
afterAll(async () => { await t.database.drop(); });

async function write(method: "POST" | "PATCH" | "DELETE", type: string, id: string | undefined,
  attributes?: Record<string, unknown>) {
  const path = id ? `/api/${type}/${id}` : `/api/${type}`;
  const body = method === "DELETE" ? undefined : { data: { type, ...(id ? { id } : {}), attributes } };
  const reply = await call(t.app, method, path, body, sales);
  if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body.errors)}`);
  return reply;
}

/** A customer and an order placed through the API: 3 × 10.00 and 2 × 25.00 = 80.00. */
async function placed() {
  const customer = await f.customer();
  const [p1, p2] = [await f.product("10.00", { stock: 100 }), await f.product("25.00", { stock: 50 })];
  const orderId = one(await write("POST", "Order", undefined, { CustomerId: customer, EmployeeId: 5 })).id;
  const d1 = one(await write("POST", "OrderDetail", undefined, { OrderId: Number(orderId), ProductId: p1, Quantity: 3 })).id;
  const d2 = one(await write("POST", "OrderDetail", undefined, { OrderId: Number(orderId), ProductId: p2, Quantity: 2 })).id;
  await write("PATCH", "Order", orderId, { Ready: true });
  return { customer, p1, p2, orderId: Number(orderId), d1: Number(d1), d2: Number(d2) };
}

const counts = (balance: string, orders: number, unpaid: number) => ({ balance, order_count: orders, unpaid_order_count: unpaid });

describe("check credit through the API", () => {
  test("1. place an order with items; the responses carry the derived values", async () => {
    const { customer, orderId, d1 } = await placed();
    const detail = one(await call(t.app, "GET", `/api/OrderDetail/${d1}`, undefined, sales));
    expect(detail.attributes).toMatchObject({ UnitPrice: 10, Quantity: 3, Amount: 30 });
    expect(await f.orderRow(orderId)).toEqual({ amount_total: "80.00", order_detail_count: 2 });
    expect(await f.customerRow(customer)).toEqual(counts("80.00", 1, 1));
  });

  test("2. add an item", async () => {
    const { customer, orderId, p1 } = await placed();
    await write("POST", "OrderDetail", undefined, { OrderId: orderId, ProductId: p1, Quantity: 1 });
    expect(await f.customerRow(customer)).toEqual(counts("90.00", 1, 1));
  });

  test("3. delete an item", async () => {
    const { customer, orderId, d2 } = await placed();
    await write("DELETE", "OrderDetail", String(d2));
    expect(await f.orderRow(orderId)).toEqual({ amount_total: "30.00", order_detail_count: 1 });
    expect(await f.customerRow(customer)).toEqual(counts("30.00", 1, 1));
  });

  test("4. change a quantity", async () => {
    const { customer, d1 } = await placed();
    const reply = await write("PATCH", "OrderDetail", String(d1), { Quantity: 5 });
    expect(one(reply).attributes).toMatchObject({ Quantity: 5, Amount: 50 });
    expect(await f.customerRow(customer)).toEqual(counts("100.00", 1, 1));
  });

  test("5. change the product: the price is re-copied", async () => {
    const { customer, d1, p2 } = await placed();
    const reply = await write("PATCH", "OrderDetail", String(d1), { ProductId: p2 });
    expect(one(reply).attributes).toMatchObject({ UnitPrice: 25, Amount: 75 });
    expect(await f.customerRow(customer)).toEqual(counts("125.00", 1, 1));
  });

  test("6. move the order to another customer: both balances", async () => {
    const { customer, orderId } = await placed();
    const other = await f.customer();
    await write("PATCH", "Order", String(orderId), { CustomerId: other });
    expect(await f.customerRow(customer)).toEqual(counts("0.00", 0, 0));
    expect(await f.customerRow(other)).toEqual(counts("80.00", 1, 1));
  });

  test("7 and 8. ship (balance and stock down), then unship (both back)", async () => {
    const { customer, orderId, p1 } = await placed();
    await write("PATCH", "Order", String(orderId), { ShippedDate: "2024-05-01" });
    expect(await f.customerRow(customer)).toEqual(counts("0.00", 1, 0));
    expect(await f.productRow(p1)).toEqual({ units_shipped: 3, units_in_stock: 97 });
    await write("PATCH", "Order", String(orderId), { ShippedDate: null });
    expect(await f.customerRow(customer)).toEqual(counts("80.00", 1, 1));
    expect(await f.productRow(p1)).toEqual({ units_shipped: 0, units_in_stock: 100 });
  });

  test("9. delete the order: balance and counts down", async () => {
    const { customer, orderId } = await placed();
    await write("DELETE", "Order", String(orderId));
    expect(await f.customerRow(customer)).toEqual(counts("0.00", 0, 0));
  });

  test("an item that breaks the credit limit is 422 with the message, and nothing changes", async () => {
    const { customer, orderId, p1 } = await placed();
    const reply = await call(t.app, "POST", "/api/OrderDetail",
      { data: { type: "OrderDetail", attributes: { OrderId: orderId, ProductId: p1, Quantity: 1000 } } }, sales);
    expect(reply.status).toBe(422);
    expect(reply.body.errors?.[0]?.detail).toBe("balance (10080.00) exceeds credit (1000.00)");
    expect(await f.orderRow(orderId)).toEqual({ amount_total: "80.00", order_detail_count: 2 });
    expect(await f.customerRow(customer)).toEqual(counts("80.00", 1, 1));
  });
});
