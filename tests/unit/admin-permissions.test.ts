/**
 * The SPA's access checks against the real in-process Northwind API: canAccess
 * answers from GET /api/auth/me per react-admin action, `Type.Attribute` write
 * checks follow updatable columns, a new login loads again, and a server without
 * the route (404) leaves every action to the API.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Hono } from "hono";
import { allows, createAccessLoader } from "../../src/engine/admin/spa/data/access";
import { authorizedFetch, createAuthProvider, type TokenStore } from "../../src/engine/admin/spa/data/auth-provider";
import { createTestApp, tokenFor, type TestApp } from "../support/test-app";

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.database.drop(); });

const send = (input: string, init?: RequestInit) => Promise.resolve(t.app.request(input, init));
function memoryTokens(token: string | null = null): TokenStore {
  return { get: () => token, set: (v) => { token = v; }, clear: () => { token = null; } };
}

describe("admin access checks", () => {
  test("ALFKI: reads reference data, edits its customer's contact fields, never Departments", async () => {
    const tokens = memoryTokens(await tokenFor(t, "ALFKI"));
    const auth = createAuthProvider({ loginPath: "/api/auth/login", permissionsPath: "/api/auth/me", fetch: send, tokens });
    const can = (action: string, resource: string) => auth.canAccess!({ action, resource });
    expect(await can("list", "Customer")).toBe(true);
    expect(await can("edit", "Customer")).toBe(true);
    expect(await can("create", "Customer")).toBe(false);
    expect(await can("delete", "Customer")).toBe(false);
    expect(await can("list", "Department")).toBe(false);
    expect(await can("show", "Product")).toBe(true);
    expect(await can("edit", "Product")).toBe(false);
    expect(await can("delete", "OrderDetail")).toBe(true);
    expect(await can("write", "Customer.ContactName")).toBe(true);
    expect(await can("write", "Customer.CreditLimit")).toBe(false);
    expect(await can("write", "Order.Notes")).toBe(true);
    expect(await can("publish", "Customer")).toBe(false);
  });

  test("ALFKI: employees' personal fields are not readable; orders' shipping fields not settable; admin may do all", async () => {
    const checks = async (user: string) => {
      const auth = createAuthProvider({ loginPath: "/api/auth/login", permissionsPath: "/api/auth/me", fetch: send,
        tokens: memoryTokens(await tokenFor(t, user)) });
      return (action: string, resource: string) => auth.canAccess!({ action, resource });
    };
    const alfki = await checks("ALFKI");
    for (const personal of ["Salary", "BirthDate", "Address", "HomePhone"]) expect(await alfki("read", `Employee.${personal}`)).toBe(false);
    expect(await alfki("read", "Employee.LastName")).toBe(true);
    expect(await alfki("read", "Department.Name")).toBe(false);
    for (const shipping of ["ShippedDate", "ShipVia", "Freight"]) {
      expect(await alfki("write", `Order.${shipping}`)).toBe(false);
      expect(await alfki("create", `Order.${shipping}`)).toBe(false);
    }
    expect(await alfki("create", "Order.ShipCity")).toBe(true);
    expect(await alfki("create", "OrderDetail.Discount")).toBe(false);
    expect(await alfki("create", "OrderDetail.Quantity")).toBe(true);
    const admin = await checks("admin");
    expect(await admin("read", "Employee.Salary")).toBe(true);
    expect(await admin("create", "Order.ShippedDate")).toBe(true);
    expect(await admin("write", "OrderDetail.Discount")).toBe(true);
  });

  test("one request per token; a new login asks again", async () => {
    const tokens = memoryTokens(await tokenFor(t, "ALFKI"));
    let calls = 0;
    const counting = (input: string, init?: RequestInit) => { calls++; return send(input, init); };
    const load = createAccessLoader({ path: "/api/auth/me", fetch: authorizedFetch(counting, tokens), token: tokens.get });
    expect((await load())?.role).toBe("customer");
    await load();
    expect(calls).toBe(1);
    tokens.set(await tokenFor(t, "admin"));
    expect((await load())?.role).toBe("admin");
    expect(calls).toBe(2);
    tokens.clear();
    await expect(load()).rejects.toThrow("not signed in");
  });

  test("a server without the route allows everything (the API still decides)", async () => {
    const bare = new Hono();
    const tokens = memoryTokens("a.b.c");
    const load = createAccessLoader({ path: "/api/auth/me", fetch: (i, init) => Promise.resolve(bare.request(i, init)), token: tokens.get });
    const access = await load();
    expect(access).toBeNull();
    expect(allows(access, { action: "delete", resource: "Anything" })).toBe(true);
  });
});
