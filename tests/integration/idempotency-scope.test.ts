/**
 * Idempotency-Keys belong to the principal that sent them (B2B endpoint on real
 * Postgres): two partners choosing the same key each get their own order
 * placed, each retry replays its own sender's first response, and only a reuse
 * by the same partner with another body is refused (422, as the IETF draft says). Orders are counted with SQL.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { authAs, createTestApp, type TestApp } from "../support/test-app";
import { createUser } from "../support/test-users";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database, "partner2", ["partner"]);
});
afterAll(async () => { await t.database.drop(); });

const PATH = "/api/ServicesEndPoint/OrderB2B";
const order = (quantity = 1) => ({
  AccountId: "ALFKI", Surname: "Buchanan", Given: "Steven", Items: [{ ProductName: "Chai", QuantityOrdered: quantity }],
});

async function place(user: string, key: string, body: unknown): Promise<{ status: number; replayed: boolean; id?: number }> {
  const res = await t.app.request(PATH, { method: "POST", body: JSON.stringify(body),
    headers: { "content-type": "application/json", "idempotency-key": key, ...(await authAs(t, user)) } });
  const json = await res.json() as { order?: { Id: number }; errors?: unknown[] };
  return { status: res.status, replayed: res.headers.get("idempotent-replayed") === "true", id: json.order?.Id };
}

const orderCount = async () => Number((await t.database.sql`select count(*) as n from "order"`)[0]!.n);

describe("Idempotency-Key scope", () => {
  test("two partners using one key each get their own order; each retry replays its own", async () => {
    const key = `order-${crypto.randomUUID()}`;
    const before = await orderCount();
    const first = await place("partner", key, order());
    const second = await place("partner2", key, order());
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.replayed).toBe(false);
    expect(second.id).not.toBe(first.id);
    expect(await orderCount()).toBe(before + 2);
    const rows = await t.database.sql`select count(*)::int as n from "order" where id in ${t.database.sql([first.id!, second.id!])}`;
    expect(rows[0]!.n).toBe(2);

    const retryFirst = await place("partner", key, order());
    const retrySecond = await place("partner2", key, order());
    expect(retryFirst).toEqual({ status: 201, replayed: true, id: first.id });
    expect(retrySecond).toEqual({ status: 201, replayed: true, id: second.id });
    expect(await orderCount()).toBe(before + 2);
  });

  test("another partner's different body under a used key is placed; the same partner's is refused with 422", async () => {
    const key = `order-${crypto.randomUUID()}`;
    const before = await orderCount();
    expect((await place("partner", key, order(1))).status).toBe(201);
    const other = await place("partner2", key, order(2));
    expect(other).toMatchObject({ status: 201, replayed: false });
    const reused = await t.app.request(PATH, { method: "POST", body: JSON.stringify(order(2)),
      headers: { "content-type": "application/json", "idempotency-key": key, ...(await authAs(t, "partner")) } });
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ errors: [{ code: "VALIDATION_FAILED", source: { header: "Idempotency-Key" } }] });
    expect(await orderCount()).toBe(before + 2);
  });
  test("a partner's SQL session sees only its own stored keys and replies", async () => {
    const key = `mine-${crypto.randomUUID()}`;
    expect((await place("partner", key, order())).status).toBe(201);
    expect((await place("partner2", key, order())).status).toBe(201);
    const seen = await t.database.sql.begin(async (tx) => {
      await tx`select set_config('role', 'nw_partner', true), set_config('request.jwt.claims', ${JSON.stringify({ sub: "partner2" })}, true)`;
      return tx<{ principal: string }[]>`select principal from idempotency_key where key = ${key}`;
    });
    expect(seen.map((r) => r.principal)).toEqual(["partner2"]);
  });
});
