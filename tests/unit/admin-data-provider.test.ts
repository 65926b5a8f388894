/**
 * The admin SPA's data and auth providers against the real in-process Northwind
 * API (no mocks): paging with meta.count, sort, search, filters, includes as
 * react-admin's prefetch cache, child lists, writes with If-Match, and errors
 * mapped for forms (rule messages verbatim, 412 as stale, field pointers).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { DataProvider } from "react-admin";
import type { AdminModel } from "../../src/engine/admin";
import { authorizedFetch, claimsOf, createAuthProvider, type TokenStore } from "../../src/engine/admin/spa/data/auth-provider";
import { createJsonApiDataProvider } from "../../src/engine/admin/spa/data/data-provider";
import { ApiHttpError } from "../../src/engine/admin/spa/data/errors";
import { createTestApp, tokenFor, type TestApp } from "../support/test-app";

let t: TestApp;
let model: AdminModel;
let admin: DataProvider;
const send = (input: string, init?: RequestInit) => Promise.resolve(t.app.request(input, init));

function memoryTokens(token: string | null = null): TokenStore {
  return { get: () => token, set: (v) => { token = v; }, clear: () => { token = null; } };
}

async function providerFor(user: string): Promise<DataProvider> {
  return createJsonApiDataProvider({ model, fetch: authorizedFetch(send, memoryTokens(await tokenFor(t, user))) });
}

async function rejection(p: Promise<unknown>): Promise<ApiHttpError> {
  try { await p; } catch (e) { if (e instanceof ApiHttpError) return e; throw e; }
  throw new Error("expected the call to fail");
}

async function count(sql: string): Promise<number> {
  const [row] = await t.database.sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${sql}`);
  return row!.n;
}

beforeAll(async () => {
  t = await createTestApp();
  model = (await (await t.app.request("/admin/config.json")).json()) as AdminModel;
  admin = await providerFor("admin");
});
afterAll(() => t.database.drop());

describe("a customer's view", () => {
  test("ALFKI searching employees: only readable attributes are searched, and no personal field arrives", async () => {
    const tokens = memoryTokens(await tokenFor(t, "ALFKI"));
    const auth = createAuthProvider({ loginPath: "/api/auth/login", permissionsPath: "/api/auth/me", fetch: send, tokens });
    const provider = createJsonApiDataProvider({ model, fetch: authorizedFetch(send, tokens), access: auth.access });
    // The configured search covers City and Country, which a customer may not read (a filter on them is a 400).
    const found = await provider.getList("Employee", { pagination: { page: 1, perPage: 25 }, sort: { field: "id", order: "ASC" },
      filter: { q: "King" } });
    expect(found.data.map((e) => e.LastName)).toEqual(["King"]);
    expect(found.data[0]).not.toHaveProperty("Salary");
    const plain = createJsonApiDataProvider({ model, fetch: authorizedFetch(send, tokens) });
    expect((await rejection(plain.getList("Employee", { pagination: { page: 1, perPage: 25 }, sort: { field: "id", order: "ASC" },
      filter: { q: "King" } }))).status).toBe(400);
  });
});

describe("reads", () => {
  test("a page: offset and limit from page/perPage, the total from meta.count, sort by a column", async () => {
    const page = await admin.getList("Customer", { pagination: { page: 2, perPage: 10 }, sort: { field: "CompanyName", order: "DESC" }, filter: {} });
    expect(page.total).toBe(await count("customer"));
    expect(page.data).toHaveLength(10);
    const [eleventh] = await t.database.sql<{ id: string }[]>`select id from customer order by company_name desc, id offset 10 limit 1`;
    expect(page.data[0]!.id).toBe(eleventh!.id);
    expect(typeof page.data[0]!.__version).toBe("string");
  });

  test("search looks in the searchable attributes; typed % and _ are literal", async () => {
    const found = await admin.getList("Customer", { pagination: { page: 1, perPage: 25 }, sort: { field: "id", order: "ASC" }, filter: { q: "alfreds" } });
    expect(found.data.map((r) => r.id)).toEqual(["ALFKI"]);
    const none = await admin.getList("Customer", { pagination: { page: 1, perPage: 25 }, sort: { field: "id", order: "ASC" }, filter: { q: "%" } });
    expect(none.total).toBe(0);
    const byId = await admin.getList("Order", { pagination: { page: 1, perPage: 25 }, sort: { field: "id", order: "ASC" }, filter: { q: "10643" } });
    expect(byId.data.map((r) => r.id)).toEqual([10643]);
  });

  test("filters and includes: parents arrive as react-admin's prefetched cache, ids typed like the foreign keys", async () => {
    const orders = await admin.getList("Order", { pagination: { page: 1, perPage: 100 }, sort: { field: "id", order: "ASC" },
      filter: { CustomerId: "ALFKI" }, meta: { prefetch: ["Customer", "Employee", "NotARelationship"] } });
    expect(orders.total).toBe(await count(`"order" where customer_id = 'ALFKI'`));
    expect(orders.data.every((o) => o.CustomerId === "ALFKI")).toBe(true);
    const prefetched = orders.meta.prefetched as Record<string, { id: unknown; CompanyName?: string }[]>;
    expect(prefetched.Customer).toEqual([expect.objectContaining({ id: "ALFKI", CompanyName: "Alfreds Futterkiste" })]);
    const employeeIds = new Set(orders.data.map((o) => o.EmployeeId));
    expect(new Set(prefetched.Employee!.map((e) => e.id))).toEqual(employeeIds);
  });

  test("getOne, getMany, and a child list through the related endpoint", async () => {
    expect((await admin.getOne("Customer", { id: "ALFKI" })).data).toMatchObject({ id: "ALFKI", CreditLimit: 2300 });
    const products = await admin.getMany("Product", { ids: [2, 1] });
    expect(products.data.map((p) => p.ProductName).sort()).toEqual(["Chai", "Chang"]);
    const children = await admin.getManyReference("Order", { target: "CustomerId", id: "ALFKI", pagination: { page: 1, perPage: 5 },
      sort: { field: "OrderDate", order: "DESC" }, filter: {}, meta: { relationship: "OrderList", parent: "Customer" } });
    expect(children.total).toBe(await count(`"order" where customer_id = 'ALFKI'`));
    expect(children.data.every((o) => o.CustomerId === "ALFKI")).toBe(true);
  });

  test("a customer user reads only its own customer", async () => {
    const alfki = await providerFor("ALFKI");
    const page = await alfki.getList("Customer", { pagination: { page: 1, perPage: 25 }, sort: { field: "id", order: "ASC" }, filter: {} });
    expect(page).toMatchObject({ total: 1, data: [expect.objectContaining({ id: "ALFKI" })] });
  });
});

describe("writes and their errors", () => {
  let orderId: number;

  test("create sends writable attributes only: derived values come from the rules", async () => {
    const order = await admin.create("Order", { data: { CustomerId: "ALFKI", EmployeeId: 1, Notes: "hurry", AmountTotal: 5 } });
    orderId = order.data.id as number;
    expect(order.data).toMatchObject({ Notes: "hurry", AmountTotal: 0, Ready: false });
    const item = await admin.create("OrderDetail", { data: { OrderId: orderId, ProductId: 1, Quantity: 2, UnitPrice: 999, Amount: 1 } });
    expect(item.data).toMatchObject({ UnitPrice: 18, Amount: 36 });
  });

  test("update sends only what changed, guarded by the version the form started from", async () => {
    const { data: loaded } = await admin.getOne("Order", { id: orderId });
    const saved = await admin.update("Order", { id: orderId, data: { ...loaded, Ready: true }, previousData: loaded });
    expect(saved.data).toMatchObject({ Ready: true, Notes: "hurry" });
    expect(saved.data.__version).not.toBe(loaded.__version);
    const stale = await rejection(admin.update("Order", { id: orderId, data: { ...loaded, Notes: "late" }, previousData: saved.data }));
    expect(stale.status).toBe(412);
    expect(stale.message).toBe("Someone else changed this order since you opened it. Reload to see their changes, then make yours again.");
    expect(stale.body.errors?.root).toEqual({ serverError: stale.message, stale: "reload" });
  });

  test("a rule violation is a form error carrying the rule's message verbatim", async () => {
    const error = await rejection(admin.create("OrderDetail", { data: { OrderId: orderId, ProductId: 2, Quantity: 2000 } }));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^balance \(\d+\.\d{2}\) exceeds credit \(2300\.00\)$/);
    expect(error.body.errors?.root?.serverError).toBe(error.message);
  });

  test("an error pointing at an attribute lands on that field", async () => {
    const error = await rejection(admin.create("OrderDetail", { data: { OrderId: orderId, ProductId: 2, Quantity: "many" } }));
    expect(error.status).toBe(422);
    expect(error.body.errors?.Quantity).toEqual(expect.any(String));
  });

  test("delete is guarded by the version too", async () => {
    const { data: item } = await admin.create("OrderDetail", { data: { OrderId: orderId, ProductId: 1, Quantity: 1 } });
    const { data: current } = await admin.getOne("OrderDetail", { id: item.id });
    const stale = await rejection(admin.delete("OrderDetail", { id: item.id, previousData: { ...current, __version: "1" } }));
    expect(stale.status).toBe(412);
    await admin.delete("OrderDetail", { id: item.id, previousData: current });
    expect((await rejection(admin.getOne("OrderDetail", { id: item.id }))).status).toBe(404);
  });
});

describe("auth provider", () => {
  test("logs in with the API's login, knows who is signed in, logs out on 401 but not on 403", async () => {
    const tokens = memoryTokens();
    const auth = createAuthProvider({ loginPath: model.loginPath!, fetch: send, tokens });
    await expect(auth.login({ username: "s1", password: "nope" })).rejects.toThrow("wrong username or password");
    await expect(auth.checkAuth({})).rejects.toThrow();
    await auth.login({ username: "s1", password: "p" });
    expect(claimsOf(tokens.get())?.sub).toBe("s1");
    await auth.checkAuth({});
    expect(await auth.getIdentity!()).toEqual({ id: "s1", fullName: "s1" });
    expect(await auth.getPermissions!({})).toEqual(["sales"]);
    await auth.checkError({ status: 403 });
    expect(tokens.get()).not.toBeNull();
    await expect(auth.checkError({ status: 401 })).rejects.toThrow();
    expect(tokens.get()).toBeNull();
    await auth.login({ username: "s1", password: "p" });
    await auth.logout({});
    expect(tokens.get()).toBeNull();
  });
});
