/**
 * A shipped order is history. Its balance no longer counts toward the credit check
 * and its stock has left, so a customer may not add, move in, change or delete its
 * lines, nor delete or edit the order, and a partner may not add lines to it.
 * Unshipped orders stay the customer's to change. Each refusal is checked with SQL.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { authAs, createTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
let shipped: number;
let unshipped: number;
let unshippedLine: { order_id: number; product_id: number };

beforeAll(async () => {
  t = await createTestApp();
  const sql = t.database.sql;
  const first = async (query: Promise<{ id: number }[]>) => (await query)[0]!.id;
  shipped = await first(sql<{ id: number }[]>`select id from "order" where customer_id = 'ALFKI' and shipped_date is not null order by id limit 1`);
  unshipped = await first(sql<{ id: number }[]>`select id from "order" where customer_id = 'ALFKI' and shipped_date is null order by id limit 1`);
  unshippedLine = (await sql<{ order_id: number; product_id: number }[]>`select order_id, product_id from order_detail where order_id = ${unshipped} limit 1`)[0]!;
});
afterAll(async () => { await t.database.drop(); });

const JSON_API = { "content-type": "application/vnd.api+json" };
const send = async (user: string, method: string, path: string, body?: unknown) =>
  t.app.request(path, { method, headers: { ...JSON_API, ...(await authAs(t, user)) }, body: body ? JSON.stringify(body) : undefined });
const lines = async (orderId: number) => Number((await t.database.sql`select count(*) as n from order_detail where order_id = ${orderId}`)[0]!.n);
const snapshot = async () => t.database.sql`select o.id, o.amount_total, o.notes, c.balance, p.units_in_stock
  from "order" o join customer c on c.id = o.customer_id, product p where o.id = ${shipped} and p.id = 38`;

const newLine = (orderId: number) => ({ data: { type: "OrderDetail", attributes: { OrderId: orderId, ProductId: 38, Quantity: 100_000 } } });

test("a customer cannot add a line to its shipped order, so credit and stock stay as they were", async () => {
  const before = [await lines(shipped), await snapshot()];
  const res = await send("ALFKI", "POST", "/api/OrderDetail", newLine(shipped));
  expect([403, 404, 422]).toContain(res.status);
  expect([await lines(shipped), await snapshot()]).toEqual(before);
});

test("a partner cannot add a line to a shipped order", async () => {
  const before = await lines(shipped);
  const res = await send("partner", "POST", "/api/OrderDetail", newLine(shipped));
  expect([403, 404, 422]).toContain(res.status);
  expect(await lines(shipped)).toBe(before);
});

test("a customer cannot move a line of an unshipped order into a shipped one", async () => {
  const id = `${unshippedLine.order_id},${unshippedLine.product_id}`;
  const res = await send("ALFKI", "PATCH", `/api/OrderDetail/${encodeURIComponent(id)}`,
    { data: { type: "OrderDetail", id, attributes: { OrderId: shipped } } });
  expect([403, 404, 422]).toContain(res.status);
  const [row] = await t.database.sql`select order_id from order_detail where order_id = ${unshippedLine.order_id} and product_id = ${unshippedLine.product_id}`;
  expect(row).toEqual({ order_id: unshippedLine.order_id });
});

test("a customer cannot delete or edit its shipped order", async () => {
  const before = await snapshot();
  expect((await send("ALFKI", "DELETE", `/api/Order/${shipped}`)).status).toBe(403);
  const patch = await send("ALFKI", "PATCH", `/api/Order/${shipped}`, { data: { type: "Order", id: String(shipped), attributes: { Notes: "rewritten" } } });
  expect(patch.status).toBe(403);
  expect(await snapshot()).toEqual(before);
});

test("the customer's unshipped order is still its own to change", async () => {
  const res = await send("ALFKI", "PATCH", `/api/Order/${unshipped}`, { data: { type: "Order", id: String(unshipped), attributes: { Notes: "call first" } } });
  expect(res.status).toBe(200);
  const [row] = await t.database.sql`select notes from "order" where id = ${unshipped}`;
  expect(row).toEqual({ notes: "call first" });
});
