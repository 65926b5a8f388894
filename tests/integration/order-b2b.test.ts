/**
 * POST /api/ServicesEndPoint/OrderB2B through HTTP on real Postgres: the
 * sample order, the bare form, lookups failing, credit failing with nothing
 * written, bad input, and Idempotency-Key replays.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { asPartner, createTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.database.drop(); });

const PATH = "/api/ServicesEndPoint/OrderB2B";
const order = {
  AccountId: "ALFKI", Surname: "Buchanan", Given: "Steven",
  Items: [{ ProductName: "Chai", QuantityOrdered: 1 }, { ProductName: "Chang", QuantityOrdered: 2 }],
};

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return t.app.request(PATH, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...(await asPartner(t)), ...headers } });
}

async function balance(customer: string): Promise<number> {
  const [row] = await t.database.sql`select balance from customer where id = ${customer}`;
  return Number(row?.balance);
}

const counts = async () => (await t.database.sql`select
  (select count(*)::int from "order") as orders, (select count(*)::int from order_detail) as details,
  (select count(*)::int from outbox) as outbox`)[0];

describe("B2B order endpoint", () => {
  test("the sample order: prices copied, totals computed, balance up, message queued", async () => {
    const before = await balance("ALFKI");
    const res = await post({ meta: { args: { order } } });
    expect(res.status).toBe(201);
    const { order: placed } = await res.json() as { order: { Id: number; Total: number; CustomerId: string;
      Items: { ProductName: string; UnitPrice: number; Amount: number; Quantity: number }[] } };
    expect(placed.CustomerId).toBe("ALFKI");
    expect(placed.Total).toBe(56);
    expect(placed.Items.map((i) => [i.ProductName, i.Quantity, i.UnitPrice, i.Amount]))
      .toEqual([["Chai", 1, 18, 18], ["Chang", 2, 19, 38]]);
    expect(await balance("ALFKI")).toBe(before + 56);
    const [row] = await t.database.sql`select ready, employee_id from "order" where id = ${placed.Id}`;
    expect(row).toEqual({ ready: true, employee_id: 5 });
    const [msg] = await t.database.sql`select payload from outbox where aggregate_id = ${String(placed.Id)}`;
    expect((msg?.payload as { Order: { Total: number } }).Order.Total).toBe(56);
  });

  test("the bare order object is accepted too", async () => {
    const res = await post({ ...order, AccountId: "ANATR" });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { order: { CustomerId: string } }).order.CustomerId).toBe("ANATR");
  });

  test("an unknown product is 422 naming the item and value; nothing is written", async () => {
    const before = await counts();
    const res = await post({ ...order, Items: [order.Items[0], { ProductName: "Chaii", QuantityOrdered: 1 }] });
    expect(res.status).toBe(422);
    const body = await res.json() as { errors: { detail: string; code: string; source: { pointer: string } }[] };
    expect(body.errors[0]).toMatchObject({ code: "LOOKUP_FAILED", detail: 'Items[1].ProductName: no Product named "Chaii"' });
    expect(await counts()).toEqual(before);
  });

  test("an order over the credit limit is 422 with the rule's message; nothing is written", async () => {
    const before = await counts();
    const balanceBefore = await balance("ALFKI");
    const res = await post({ ...order, Items: [{ ProductName: "Chang", QuantityOrdered: 2000 }] });
    expect(res.status).toBe(422);
    const body = await res.json() as { errors: { detail: string; code: string }[] };
    expect(body.errors[0]?.code).toBe("RULE_VIOLATION");
    expect(body.errors[0]?.detail).toMatch(/^balance \(\d+\.\d{2}\) exceeds credit \(2300\.00\)$/);
    expect(await counts()).toEqual(before);
    expect(await balance("ALFKI")).toBe(balanceBefore);
  });

  test("bad input: malformed JSON 400, wrong type 422 with pointer, unknown field 422, wrong content type 415", async () => {
    const before = await counts();
    expect((await post("{nope")).status).toBe(400);
    const wrongType = await post({ ...order, Items: [{ ProductName: "Chai", QuantityOrdered: "two" }] });
    expect(wrongType.status).toBe(422);
    const wt = await wrongType.json() as { errors: { source: { pointer: string } }[] };
    expect(wt.errors.map((e) => e.source.pointer)).toContain("/Items/0/QuantityOrdered");
    expect((await post({ ...order, Discount: 50 })).status).toBe(422);
    expect((await post({ ...order, Items: [] })).status).toBe(422);
    const textBody = await t.app.request(PATH, { method: "POST", body: "AccountId=ALFKI",
      headers: { "content-type": "text/plain", ...(await asPartner(t)) } });
    expect(textBody.status).toBe(415);
    expect(await counts()).toEqual(before);
  });

  test("Idempotency-Key: a retry returns the first result, not a second order", async () => {
    const key = `retry-${crypto.randomUUID()}`;
    const first = await post(order, { "idempotency-key": key });
    const before = await counts();
    const second = await post(order, { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await counts()).toEqual(before);
    const changed = await post({ ...order, Given: "Steve" }, { "idempotency-key": key });
    expect(changed.status).toBe(422);
  });

  test("concurrent retries with one Idempotency-Key create one order", async () => {
    const key = `race-${crypto.randomUUID()}`;
    const before = await counts();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(order, { "idempotency-key": key })));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { order: { Id: number } }).order.Id)));
    expect(ids.size).toBe(1);
    expect((await counts())!.orders).toBe(before!.orders + 1);
  });
});
