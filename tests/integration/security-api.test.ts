/**
 * Row-level security through every API path, with real tokens: a customer sees
 * only its own rows in lists, single reads, relationships and includes; other
 * customers' rows are 404; staff see everything; a customer cannot change its
 * credit; and a direct SQL session with the same role and claims sees the same.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { northwindGrants } from "../../src/northwind/grants";
import { roleFor } from "../../src/engine/security/grants";
import { call, get, ids, many, one } from "../support/jsonapi-client";
import { authAs, createTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
let alfki: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  alfki = await authAs(t, "ALFKI");
});
afterAll(async () => { await t.database.drop(); });

const ownOrderIds = async (customer: string) =>
  (await t.database.sql`select id from "order" where customer_id = ${customer} order by id`).map((r) => String(r.id));

describe("a customer through the API", () => {
  test("lists exactly its own customer, orders and order details", async () => {
    const customers = await get(t.app, "/api/Customer", alfki);
    expect(ids(many(customers))).toEqual(["ALFKI"]);
    expect(customers.body.meta?.count).toBe(1);
    const orders = await get(t.app, "/api/Order?page[limit]=1000&sort=Id", alfki);
    expect(ids(many(orders))).toEqual(await ownOrderIds("ALFKI"));
    const details = many(await get(t.app, "/api/OrderDetail?page[limit]=1000", alfki));
    const own = new Set(await ownOrderIds("ALFKI"));
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((d) => own.has(String(d.attributes.OrderId)))).toBe(true);
  });

  test("another customer's rows are 404 to read, patch and delete", async () => {
    expect((await get(t.app, "/api/Customer/ANATR", alfki)).status).toBe(404);
    const patch = await call(t.app, "PATCH", "/api/Customer/ANATR",
      { data: { type: "Customer", id: "ANATR", attributes: { Phone: "x" } } }, alfki);
    expect(patch.status).toBe(404);
    const [anatrOrder] = await ownOrderIds("ANATR");
    expect((await get(t.app, `/api/Order/${anatrOrder}`, alfki)).status).toBe(404);
    expect((await call(t.app, "DELETE", `/api/Order/${anatrOrder}`, undefined, alfki)).status).toBe(404);
    expect((await get(t.app, `/api/Order/${anatrOrder}/OrderDetailList`, alfki)).status).toBe(404);
    const [row] = await t.database.sql`select phone from customer where id = 'ANATR'`;
    expect(row?.phone).not.toBe("x");
  });

  test("relationships and includes never leak other customers' rows", async () => {
    const viaProduct = many(await get(t.app, "/api/Product/11/OrderDetailList?page[limit]=1000", alfki));
    const own = new Set(await ownOrderIds("ALFKI"));
    expect(viaProduct.every((d) => own.has(String(d.attributes.OrderId)))).toBe(true);
    const included = await get(t.app, "/api/Product/11?include=OrderDetailList,OrderDetailList.Order", alfki);
    const leaked = (included.body.included ?? []).filter((r) =>
      (r.type === "Order" && !own.has(r.id)) || (r.type === "OrderDetail" && !own.has(String(r.attributes.OrderId))));
    expect(leaked).toEqual([]);
    const employee = await get(t.app, "/api/Employee/5?include=OrderList", alfki);
    expect((employee.body.included ?? []).every((r) => own.has(r.id))).toBe(true);
  });

  test("may edit its contact data but not its credit limit or balance", async () => {
    const current = one(await get(t.app, "/api/Customer/ALFKI", alfki));
    const phone = await call(t.app, "PATCH", "/api/Customer/ALFKI",
      { data: { type: "Customer", id: "ALFKI", attributes: { Phone: "030-0000000" } } }, alfki);
    expect(phone.status).toBe(200);
    const credit = await call(t.app, "PATCH", "/api/Customer/ALFKI",
      { data: { type: "Customer", id: "ALFKI", attributes: { CreditLimit: 999999 } } }, alfki);
    expect(credit.status).toBe(403);
    const balance = await call(t.app, "PATCH", "/api/Customer/ALFKI",
      { data: { type: "Customer", id: "ALFKI", attributes: { Balance: 0 } } }, alfki);
    expect(balance.status).toBe(422);
    const [row] = await t.database.sql`select credit_limit, balance from customer where id = 'ALFKI'`;
    expect(Number(row?.credit_limit)).toBe(Number(current.attributes.CreditLimit));
  });

  test("placing an order through the API keeps the rollups right", async () => {
    const [before] = await t.database.sql`select balance, order_count from customer where id = 'ALFKI'`;
    const order = await call(t.app, "POST", "/api/Order",
      { data: { type: "Order", attributes: { CustomerId: "ALFKI", EmployeeId: 5, Ready: false } } }, alfki);
    expect(order.status).toBe(201);
    const orderId = Number(one(order).id);
    const item = await call(t.app, "POST", "/api/OrderDetail",
      { data: { type: "OrderDetail", attributes: { OrderId: orderId, ProductId: 1, Quantity: 3 } } }, alfki);
    expect(item.status).toBe(201);
    const ready = await call(t.app, "PATCH", `/api/Order/${orderId}`,
      { data: { type: "Order", id: String(orderId), attributes: { Ready: true } } }, alfki);
    expect(ready.status).toBe(200);
    const [after] = await t.database.sql`select balance, order_count from customer where id = 'ALFKI'`;
    expect(Number(after!.balance)).toBe(Number(before!.balance) + 54);
    expect(after!.order_count).toBe(before!.order_count + 1);
    const forOther = await call(t.app, "POST", "/api/Order",
      { data: { type: "Order", attributes: { CustomerId: "ANATR", EmployeeId: 5 } } }, alfki);
    expect(forOther.status).toBe(403);
  });

  test("a direct SQL session with the same role and claims sees the same rows", async () => {
    const claims = await t.tokens.verify((alfki.authorization ?? "").replace("Bearer ", ""));
    const dbRole = roleFor(northwindGrants, claims.roles)!.dbRole;
    const viaSql = await t.database.sql.begin(async (tx) => {
      await tx.unsafe(`set local role ${dbRole}`);
      await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
      return tx`select id::text from "order" order by id`;
    });
    const viaApi = ids(many(await get(t.app, "/api/Order?page[limit]=1000&sort=Id", alfki)));
    expect(viaSql.map((r) => r.id)).toEqual(viaApi);
  });
});

describe("staff through the API", () => {
  test("attributes derived by rules are read-only, even for admin", async () => {
    const admin = await authAs(t, "admin");
    const res = await call(t.app, "PATCH", "/api/Order/10643",
      { data: { type: "Order", id: "10643", attributes: { AmountTotal: 1, Freight: 5 } } }, admin);
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]).toMatchObject({ source: { pointer: "/data/attributes/AmountTotal" },
      detail: "AmountTotal is read-only: derived by rule order_amount_total" });
    const [row] = await t.database.sql`select amount_total, freight from "order" where id = 10643`;
    expect([Number(row!.amount_total), Number(row!.freight)]).toEqual([814.5, 29.46]);
    const stock = await call(t.app, "PATCH", "/api/Product/1",
      { data: { type: "Product", id: "1", attributes: { UnitsInStock: 50 } } }, admin);
    expect(stock.status).toBe(200);
  });

  test("s1 and admin see all 95 customers", async () => {
    for (const user of ["s1", "admin"]) {
      const res = await get(t.app, "/api/Customer?page[limit]=1", await authAs(t, user));
      expect(res.body.meta?.count).toBe(95);
    }
  });

  test("a tenant-only user maps to no grant and gets 403", async () => {
    expect((await get(t.app, "/api/Customer", await authAs(t, "aneu"))).status).toBe(403);
  });
});
