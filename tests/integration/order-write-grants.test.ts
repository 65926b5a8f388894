/**
 * Who may write what on orders and employees, every role through the JSON:API
 * and the customer through psql: a customer (or partner) may not set how or when
 * an order ships, nor write employees; staff may. Refusals are 403s that name
 * the resource or attribute, never an internal table.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { call, one, type Reply } from "../support/jsonapi-client";
import { authAs, createTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.database.drop(); });

const sql = () => t.database.sql;
const as = async (user: string, method: string, path: string, body?: unknown) => call(t.app, method, path, body, await authAs(t, user));
const orderBody = (attributes: Record<string, unknown>, id?: number) =>
  ({ data: { type: "Order", ...(id ? { id: String(id) } : {}), attributes } });

/** A 403 whose every error names no table (the schema's tables are snake_case; the API's resources are not). */
function expectForbidden(res: Reply, pointer?: string): void {
  expect(res.status).toBe(403);
  const text = JSON.stringify(res.body.errors);
  expect(text).not.toMatch(/\btable\b|"order"|order_detail|\bemployee\b|\bcustomer\b/);
  if (pointer) expect(res.body.errors?.[0]?.source?.pointer).toBe(pointer);
}

/** An unshipped, ready order of ALFKI's with one line, written as superuser. */
async function alfkiOrder(): Promise<number> {
  const [o] = await sql()`insert into "order" (customer_id, employee_id) values ('ALFKI', 5) returning id`;
  await sql()`insert into order_detail (order_id, product_id, quantity) values (${o!.id}, 1, 2)`;
  await sql()`update "order" set ready = true where id = ${o!.id}`;
  return o!.id as number;
}
const shippingOf = async (id: number) =>
  (await sql()`select shipped_date, ship_via, freight from "order" where id = ${id}`)[0];
const balance = async () => Number((await sql()`select balance from customer where id = 'ALFKI'`)[0]!.balance);

describe("a customer may not set an order's shipping columns", () => {
  test("PATCH ShippedDate on its own order is 403 at the attribute; the order stays unshipped and its credit used", async () => {
    const id = await alfkiOrder();
    const before = await balance();
    const res = await as("ALFKI", "PATCH", `/api/Order/${id}`, orderBody({ ShippedDate: "2026-12-01" }, id));
    expectForbidden(res, "/data/attributes/ShippedDate");
    expect(res.body.errors?.[0]?.detail).toBe("your role may not change Order.ShippedDate");
    expect(await shippingOf(id)).toEqual({ shipped_date: null, ship_via: null, freight: "0.00" });
    expect(await balance()).toBe(before);
    expect((await sql()`select count(*)::int as n from outbox where payload->'Order'->>'Id' = ${String(id)}`)[0]?.n).toBe(1);
  });

  test("ShipVia and Freight too, on PATCH and on POST; the ship-to address is the customer's to set", async () => {
    const id = await alfkiOrder();
    for (const attributes of [{ ShipVia: 1 }, { Freight: 0 }, { ShipVia: 2, ShipCity: "Berlin" }]) {
      expectForbidden(await as("ALFKI", "PATCH", `/api/Order/${id}`, orderBody(attributes, id)));
    }
    const address = await as("ALFKI", "PATCH", `/api/Order/${id}`, orderBody({ ShipCity: "Berlin" }, id));
    expect(address.status).toBe(200);
    for (const attributes of [{ ShippedDate: "2026-12-01" }, { Freight: 1 }, { ShipVia: 1 }]) {
      const created = await as("ALFKI", "POST", "/api/Order", orderBody({ CustomerId: "ALFKI", EmployeeId: 5, ...attributes }));
      expectForbidden(created, `/data/attributes/${Object.keys(attributes)[0]}`);
    }
    expect(await shippingOf(id)).toEqual({ shipped_date: null, ship_via: null, freight: "0.00" });
  });

  test("psql as nw_customer with ALFKI's claims: updating or inserting shipping columns is refused (42501)", async () => {
    const id = await alfkiOrder();
    const attempt = (statement: string) => sql().begin(async (tx) => {
      await tx.unsafe("set local role nw_customer");
      await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: "ALFKI", customer_id: "ALFKI" })}, true)`;
      await tx.unsafe(statement);
    }).then(() => "ok", (e: { code: string }) => e.code);
    expect(await attempt(`update "order" set shipped_date = '2026-12-01' where id = ${id}`)).toBe("42501");
    expect(await attempt(`update "order" set freight = 0, ship_via = 1 where id = ${id}`)).toBe("42501");
    expect(await attempt(`update "order" set amount_total = 0 where id = ${id}`)).toBe("42501");
    expect(await attempt(`update order_detail set unit_price = 0 where order_id = ${id}`)).toBe("42501");
    expect(await attempt(`insert into "order" (customer_id, employee_id, shipped_date) values ('ALFKI', 5, '2026-12-01')`)).toBe("42501");
    expect(await attempt(`update "order" set ship_city = 'Berlin' where id = ${id}`)).toBe("ok");
    expect(await shippingOf(id)).toEqual({ shipped_date: null, ship_via: null, freight: "0.00" });
  });

  test("an order for another customer is a 403 naming the resource, not the table or policy", async () => {
    const res = await as("ALFKI", "POST", "/api/Order", orderBody({ CustomerId: "ANATR", EmployeeId: 5 }));
    expectForbidden(res);
    expect(res.body.errors?.[0]?.detail).toBe("your role may not create this Order");
    const credit = await as("ALFKI", "PATCH", "/api/Customer/ALFKI",
      { data: { type: "Customer", id: "ALFKI", attributes: { CreditLimit: 999999 } } });
    expectForbidden(credit, "/data/attributes/CreditLimit");
  });
});

describe("every role against the Order and Employee write paths", () => {
  test("admin and sales: create, ship (ShippedDate, ShipVia, Freight) and delete orders", async () => {
    for (const user of ["admin", "s1"]) {
      const created = await as(user, "POST", "/api/Order", orderBody({ CustomerId: "ANATR", EmployeeId: 5, Freight: 3.5 }));
      expect(created.status).toBe(201);
      const id = Number(one(created).id);
      await sql()`insert into order_detail (order_id, product_id, quantity) values (${id}, 1, 1)`; // an empty order cannot ship
      const shipped = await as(user, "PATCH", `/api/Order/${id}`, orderBody({ ShippedDate: "2026-12-01", ShipVia: 1, Freight: 4 }, id));
      expect(shipped.status).toBe(200);
      expect(await shippingOf(id)).toEqual({ shipped_date: "2026-12-01", ship_via: 1, freight: "4.00" });
      expect((await as(user, "DELETE", `/api/Order/${id}`)).status).toBe(204);
    }
  });

  test("customer: creates, edits (non-shipping columns) and deletes its own orders", async () => {
    const created = await as("ALFKI", "POST", "/api/Order", orderBody({ CustomerId: "ALFKI", EmployeeId: 5, ShipCity: "Berlin" }));
    expect(created.status).toBe(201);
    const id = Number(one(created).id);
    expect(one(created).attributes).toMatchObject({ ShippedDate: null, ShipVia: null, Freight: 0 });
    expect((await as("ALFKI", "PATCH", `/api/Order/${id}`, orderBody({ Notes: "ring twice" }, id))).status).toBe(200);
    expect((await as("ALFKI", "DELETE", `/api/Order/${id}`)).status).toBe(204);
  });

  test("partner: creates orders without shipping columns; may not update or delete them", async () => {
    const created = await as("partner", "POST", "/api/Order", orderBody({ CustomerId: "ANATR", EmployeeId: 5 }));
    expect(created.status).toBe(201);
    const id = Number(one(created).id);
    expectForbidden(await as("partner", "POST", "/api/Order", orderBody({ CustomerId: "ANATR", EmployeeId: 5, ShippedDate: "2026-12-01" })),
      "/data/attributes/ShippedDate");
    expectForbidden(await as("partner", "PATCH", `/api/Order/${id}`, orderBody({ ShippedDate: "2026-12-01" }, id)));
    expectForbidden(await as("partner", "DELETE", `/api/Order/${id}`));
    expect(await shippingOf(id)).toEqual({ shipped_date: null, ship_via: null, freight: "0.00" });
  });

  test("Employee: staff create, edit and delete; customer and partner get a 403 naming Employee", async () => {
    for (const user of ["admin", "s1"]) {
      const created = await as(user, "POST", "/api/Employee", { data: { type: "Employee", attributes: { LastName: `New ${user}`, Salary: 1 } } });
      expect(created.status).toBe(201);
      const id = Number(one(created).id);
      const edited = await as(user, "PATCH", `/api/Employee/${id}`, { data: { type: "Employee", id: String(id), attributes: { Salary: 2 } } });
      expect(edited.status).toBe(200);
      expect((await as(user, "DELETE", `/api/Employee/${id}`)).status).toBe(204);
    }
    const [before] = await sql()`select salary, last_name from employee where id = 5`;
    for (const user of ["ALFKI", "partner"]) {
      const created = await as(user, "POST", "/api/Employee", { data: { type: "Employee", attributes: { LastName: "Mallory" } } });
      expectForbidden(created);
      expect(created.body.errors?.[0]?.detail).toBe("your role may not create Employee");
      expectForbidden(await as(user, "PATCH", "/api/Employee/5", { data: { type: "Employee", id: "5", attributes: { Salary: 1 } } }));
      expectForbidden(await as(user, "PATCH", "/api/Employee/5", { data: { type: "Employee", id: "5", attributes: { LastName: "X" } } }));
      expectForbidden(await as(user, "DELETE", "/api/Employee/5"));
    }
    expect((await sql()`select salary, last_name from employee where id = 5`)[0]).toEqual(before!);
    expect((await sql()`select count(*)::int as n from employee where last_name = 'Mallory'`)[0]?.n).toBe(0);
  });
});
