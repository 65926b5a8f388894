/**
 * Order lines cannot lower a balance: quantities must be at least 1 and discounts
 * in [0, 1), through the B2B endpoint, the JSON:API and plain SQL (as an app role
 * and as a superuser: the rules are triggers), and in Shipping too. The discount
 * takes part in the line's Amount, as in classic Northwind.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import postgres from "postgres";
import { call } from "../support/jsonapi-client";
import { asPartner, authAs, createTestApp, type TestApp } from "../support/test-app";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "../support/test-database";

const CHAI = 1; // 18.00, not carbon neutral
let t: TestApp;
let shipping: TestDatabase;
beforeAll(async () => {
  t = await createTestApp();
  shipping = await cloneDatabase(SHIPPING_TEMPLATE_DATABASE);
});
afterAll(async () => {
  await t.database.drop();
  await shipping.drop();
});

const sql = () => t.database.sql;
const balance = async (customer: string) => Number((await sql()`select balance from customer where id = ${customer}`)[0]!.balance);
const counts = async () => (await sql()`select (select count(*)::int from "order") as orders,
  (select count(*)::int from order_detail) as details, (select count(*)::int from outbox) as outbox`)[0];

/** A draft order of ALFKI's with one Chai line, written as superuser; returns the ids. */
async function draftLine(quantity = 1): Promise<{ order: number; detail: number }> {
  const [o] = await sql()`insert into "order" (customer_id, employee_id) values ('ALFKI', 5) returning id`;
  const [d] = await sql()`insert into order_detail (order_id, product_id, quantity) values (${o!.id}, ${CHAI}, ${quantity}) returning id`;
  return { order: o!.id as number, detail: d!.id as number };
}

describe("B2B: QuantityOrdered must be at least 1", () => {
  const PATH = "/api/ServicesEndPoint/OrderB2B";
  const post = async (items: unknown[]) => t.app.request(PATH, { method: "POST",
    headers: { "content-type": "application/json", ...(await asPartner(t)) },
    body: JSON.stringify({ AccountId: "ALFKI", Surname: "Buchanan", Given: "Steven", Items: items }) });

  test("a negative line that would bring an order over the limit back under it is refused up front, naming the item", async () => {
    // ALFKI: 1748.00 of 2300.00 used. 40 Chai (720.00) is over the limit; minus 10 Chai would bring it to 2288.00.
    const before = await counts();
    const res = await post([{ ProductName: "Chai", QuantityOrdered: 40 }, { ProductName: "Chai", QuantityOrdered: -10 }]);
    expect(res.status).toBe(422);
    const body = await res.json() as { errors: { code: string; source?: { pointer?: string } }[] };
    expect(body.errors.map((e) => e.source?.pointer)).toEqual(["/Items/1/QuantityOrdered"]);
    expect(body.errors[0]?.code).toBe("VALIDATION_FAILED");
    expect(await counts()).toEqual(before);
    expect(await balance("ALFKI")).toBe(1748);
  });

  test("zero is refused as well; 1 is accepted", async () => {
    const zero = await post([{ ProductName: "Chai", QuantityOrdered: 0 }]);
    expect(zero.status).toBe(422);
    expect(((await zero.json()) as { errors: { source?: { pointer?: string } }[] }).errors[0]?.source?.pointer)
      .toBe("/Items/0/QuantityOrdered");
    expect((await post([{ ProductName: "Chai", QuantityOrdered: 1 }])).status).toBe(201);
  });

  test("the OpenAPI document states the minimum", async () => {
    const doc = await (await t.app.request("/openapi.json")).json() as { components: { schemas: Record<string, unknown> } };
    expect(JSON.stringify(doc.components.schemas.OrderB2B)).toContain('"QuantityOrdered":{"type":"integer","exclusiveMinimum":0');
  });
});

describe("JSON:API: order lines with a bad quantity or discount are 422 and change nothing", () => {
  const post = async (user: string, attributes: Record<string, unknown>) =>
    call(t.app, "POST", "/api/OrderDetail", { data: { type: "OrderDetail", attributes } }, await authAs(t, user));
  const patch = async (user: string, id: number, attributes: Record<string, unknown>) =>
    call(t.app, "PATCH", `/api/OrderDetail/${id}`, { data: { type: "OrderDetail", id: String(id), attributes } }, await authAs(t, user));

  test("Quantity -5 and 0 on create, by the customer and by sales, are refused with the rule's message", async () => {
    const { order } = await draftLine();
    for (const user of ["ALFKI", "s1"]) {
      for (const quantity of [-5, 0]) {
        const before = await counts();
        const res = await post(user, { OrderId: order, ProductId: CHAI, Quantity: quantity });
        expect(res.status).toBe(422);
        expect(res.body.errors?.[0]).toMatchObject({ code: "RULE_VIOLATION", detail: `quantity (${quantity}) must be at least 1` });
        expect(await counts()).toEqual(before);
      }
    }
  });

  test("Quantity -5 on update is refused and the line keeps its quantity", async () => {
    const { detail } = await draftLine(3);
    for (const user of ["ALFKI", "admin"]) {
      const res = await patch(user, detail, { Quantity: -5 });
      expect(res.status).toBe(422);
      expect((await sql()`select quantity from order_detail where id = ${detail}`)[0]?.quantity).toBe(3);
    }
  });

  test("Discount 9.999, 1 and -0.1 are refused; staff's 0.25 takes a quarter off the Amount", async () => {
    const { order, detail } = await draftLine(10);
    for (const discount of [9.999, 1, -0.1]) {
      const res = await patch("s1", detail, { Discount: discount });
      expect(res.status).toBe(422);
      expect(res.body.errors?.[0]?.code).toBe("RULE_VIOLATION");
      const created = await post("admin", { OrderId: order, ProductId: CHAI, Quantity: 1, Discount: discount });
      expect(created.status).toBe(422);
    }
    const ok = await patch("s1", detail, { Discount: 0.25 });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ attributes: { UnitPrice: 18, Quantity: 10, Discount: 0.25, Amount: 135 } });
    expect((await sql()`select amount_total from "order" where id = ${order}`)[0]?.amount_total).toBe("135.00");
  });

  test("a customer may not give itself a discount (a 403 naming the attribute)", async () => {
    const { order, detail } = await draftLine(10);
    const res = await patch("ALFKI", detail, { Discount: 0.5 });
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]?.source?.pointer).toBe("/data/attributes/Discount");
    const created = await post("ALFKI", { OrderId: order, ProductId: CHAI, Quantity: 1, Discount: 0.5 });
    expect(created.status).toBe(403);
    expect((await sql()`select discount, amount from order_detail where id = ${detail}`)[0]).toEqual({ discount: "0.000", amount: "180.00" });
  });
});

describe("plain SQL is governed too (the rules are triggers)", () => {
  /** Runs the statements in one transaction, as `role` (none: the superuser itself); returns the error code. */
  async function attempt(role: string | undefined, fn: (tx: postgres.TransactionSql) => Promise<unknown>): Promise<string | undefined> {
    return sql().begin(async (tx) => {
      if (role) await tx.unsafe(`set local role ${role}`);
      await fn(tx);
    }).then(() => undefined, (e: { code?: string }) => e.code);
  }

  for (const role of ["nw_sales", undefined]) {
    const who = role ?? "a superuser";
    test(`${who}: quantity -5 or 0 fails at commit; so does a discount of 1.5 or -0.01`, async () => {
      const { order, detail } = await draftLine(2);
      const before = await counts();
      const balanceBefore = await balance("ALFKI");
      for (const quantity of [-5, 0]) {
        expect(await attempt(role, (tx) => tx`insert into order_detail (order_id, product_id, quantity) values (${order}, ${CHAI}, ${quantity})`))
          .toBe("23514");
        expect(await attempt(role, (tx) => tx`update order_detail set quantity = ${quantity} where id = ${detail}`)).toBe("23514");
      }
      for (const discount of [1.5, -0.01, 1]) {
        expect(await attempt(role, (tx) => tx`update order_detail set discount = ${discount} where id = ${detail}`)).toBe("23514");
      }
      expect(await counts()).toEqual(before);
      expect(await balance("ALFKI")).toBe(balanceBefore);
      expect((await sql()`select quantity, discount from order_detail where id = ${detail}`)[0]).toEqual({ quantity: 2, discount: "0.000" });
    });
  }

  test("a discount changes the Amount, the order total and the balance (classic Northwind's line price)", async () => {
    const { order, detail } = await draftLine(4);
    await sql()`update "order" set ready = true where id = ${order}`;
    const before = await balance("ALFKI");
    await sql()`update order_detail set discount = 0.1 where id = ${detail}`;
    expect((await sql()`select amount from order_detail where id = ${detail}`)[0]?.amount).toBe("64.80");
    expect((await sql()`select amount_total from "order" where id = ${order}`)[0]?.amount_total).toBe("64.80");
    expect(await balance("ALFKI")).toBeCloseTo(before - 7.2, 2);
  });
});

describe("Shipping: items need a positive quantity too", () => {
  test("quantity -1 or 0 fails at commit and the balance is unchanged", async () => {
    const bal = async () => Number((await shipping.sql`select balance from customers where customer_id = 1`)[0]!.balance);
    const before = await bal();
    for (const quantity of [-1, 0]) {
      const error = await shipping.sql.begin(async (tx) => {
        const [o] = await tx`insert into orders (customer_id) values (1) returning order_id`;
        await tx`insert into items (order_id, product_id, quantity) values (${o!.order_id}, 3, 2), (${o!.order_id}, 3, ${quantity})`;
      }).catch((e: { code: string; message: string }) => e);
      expect(error).toMatchObject({ code: "23514", message: `quantity (${quantity}) must be at least 1` });
    }
    expect(await bal()).toBe(before);
  });
});
