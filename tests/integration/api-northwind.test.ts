/**
 * Northwind through the JSON:API: the request's identity reaches the database
 * (row-level security per user), rule triggers show in write responses (copied
 * prices, new parent versions, 422 rule violations), relationship names for
 * repeated and composite foreign keys, and the private login tables.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { call, firstError, get, many, one, type JsonApiApp } from "../support/jsonapi-client";
import { withHeaders } from "../support/jsonapi-northwind";
import { authAs, createTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
let admin: JsonApiApp;
let alfki: JsonApiApp;
beforeAll(async () => {
  t = await createTestApp({ maxBodyBytes: 2_000 });
  admin = withHeaders(t.app, await authAs(t, "admin"));
  alfki = withHeaders(t.app, await authAs(t, "ALFKI"));
});
afterAll(() => t.database.drop());

describe("request identity in the transaction (RLS)", () => {
  test("a customer user sees only its own customer, orders and details, in lists, ids and includes", async () => {
    const customers = await get(alfki, "/api/Customer");
    expect(customers.body.meta?.count).toBe(1);
    expect(many(customers)[0]!.id).toBe("ALFKI");
    expect((await get(alfki, "/api/Customer/ANATR")).status).toBe(404);
    const orders = await get(alfki, "/api/Order?include=OrderDetailList&page[limit]=100");
    expect(many(orders).every((o) => o.attributes.CustomerId === "ALFKI")).toBe(true);
    expect(orders.body.meta?.count).toBe((await get(admin, "/api/Order?filter[CustomerId]=ALFKI")).body.meta?.count);
    expect((await get(alfki, "/api/Order?filter[CustomerId]=ANATR")).body.meta?.count).toBe(0);
    expect((await get(alfki, "/api/Product")).body.meta?.count).toBe((await get(admin, "/api/Product")).body.meta?.count);
  });

  test("a customer may edit its contact but not its credit limit (403), nor another customer (404)", async () => {
    expect((await call(alfki, "PATCH", "/api/Customer/ALFKI", { data: { type: "Customer", id: "ALFKI", attributes: { ContactName: "Maria" } } })).status).toBe(200);
    const credit = await call(alfki, "PATCH", "/api/Customer/ALFKI", { data: { type: "Customer", id: "ALFKI", attributes: { CreditLimit: 99999 } } });
    expect(credit.status).toBe(403);
    const other = await call(alfki, "PATCH", "/api/Customer/ANATR", { data: { type: "Customer", id: "ANATR", attributes: { ContactName: "x" } } });
    expect(other.status).toBe(404);
  });

  test("without a token the API answers 401", async () => {
    expect((await t.app.request("/api/Customer")).status).toBe(401);
  });
});

describe("rule triggers seen through the API", () => {
  test("a new detail answers its copied price and amount; the order's total and version move", async () => {
    const before = one(await get(admin, "/api/Order/10643"));
    const created = await call(admin, "POST", "/api/OrderDetail", { data: { type: "OrderDetail", attributes: { OrderId: 10643, ProductId: 1, Quantity: 2 } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const product = one(await get(admin, "/api/Product/1"));
    expect(one(created).attributes).toMatchObject({ UnitPrice: product.attributes.UnitPrice, Amount: (product.attributes.UnitPrice as number) * 2 });
    const after = one(await get(admin, "/api/Order/10643"));
    expect(after.attributes.AmountTotal).toBe((before.attributes.AmountTotal as number) + (one(created).attributes.Amount as number));
    expect(after.meta.checksum).not.toBe(before.meta.checksum);
    const stale = await call(admin, "PATCH", "/api/Order/10643", { data: { type: "Order", id: "10643", attributes: { Notes: "x" } } },
      { "if-match": `"${before.meta.checksum}"` });
    expect(stale.status).toBe(412);
  });

  test("a constraint rule violated by a PATCH is a 422 with the rule's message, and nothing changes", async () => {
    const before = one(await get(admin, "/api/Customer/ALFKI"));
    const reply = await call(admin, "PATCH", "/api/Customer/ALFKI", { data: { type: "Customer", id: "ALFKI", attributes: { CreditLimit: 1 } } });
    expect(reply.status).toBe(422);
    expect(firstError(reply)).toMatchObject({ code: "RULE_VIOLATION" });
    expect(firstError(reply).detail).toContain("exceeds credit");
    expect(one(await get(admin, "/api/Customer/ALFKI"))).toEqual(before);
  });
});

describe("Northwind relationships and limits", () => {
  test("two foreign keys to one parent and a self-reference get role names", async () => {
    const nancy = one(await get(admin, "/api/Employee/1?include=WorksForDepartment,OnLoanDepartment,ReportsToRef"));
    expect(nancy.relationships?.WorksForDepartment?.data).toEqual({ type: "Department", id: String(nancy.attributes.WorksForDepartmentId) });
    expect(nancy.relationships?.ReportsToRef?.data).toEqual({ type: "Employee", id: String(nancy.attributes.ReportsTo) });
    const boss = await get(admin, `/api/Employee/${String(nancy.attributes.ReportsTo)}/EmployeeListByReportsTo?page[limit]=100`);
    expect(many(boss).map((e) => e.id)).toContain("1");
    const department = await get(admin, `/api/Department/${String(nancy.attributes.WorksForDepartmentId)}/EmployeeListByWorksForDepartment`);
    expect(many(department).map((e) => e.id)).toContain("1");
  });

  test("a composite foreign key (Order → Location) includes and resolves", async () => {
    const reply = await get(admin, "/api/Order?filter[Country][notnull]&include=Location&page[limit]=3");
    const orders = many(reply);
    expect(orders.length).toBeGreaterThan(0);
    for (const o of orders) {
      expect(o.relationships?.Location?.data).toEqual({ type: "Location", id: `${String(o.attributes.Country)},${String(o.attributes.City)}` });
    }
    const location = await get(admin, `/api/Order/${orders[0]!.id}/Location`);
    expect(one(location).attributes).toMatchObject({ Country: orders[0]!.attributes.Country, City: orders[0]!.attributes.City });
  });

  test("the login tables have no routes and no schemas", async () => {
    for (const type of ["User", "Role", "UserRole"]) expect((await get(admin, `/api/${type}`)).status).toBe(404);
    const spec = await (await t.app.request("/openapi.json")).json() as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(spec.components.schemas).filter((k) => /^(User|Role|UserRole)[A-Z]/.test(k))).toEqual([]);
  });

  test("a body over the configured limit is a 413 before anything runs", async () => {
    const reply = await call(admin, "POST", "/api/Customer", { data: { type: "Customer", id: "BIG01", attributes: { Notes: "x".repeat(3_000) } } });
    expect(reply.status).toBe(413);
    expect((await get(admin, "/api/Customer/BIG01")).status).toBe(404);
  });
});
