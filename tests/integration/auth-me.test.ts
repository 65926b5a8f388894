/**
 * GET /api/auth/me through HTTP with real tokens: 401 without one, the signed-in
 * customer's role and permissions (contact fields only, no Departments), staff's
 * full permissions, and the route declared in the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Permissions } from "../../src/engine/security/permissions";
import { authAs, createTestApp, type TestApp } from "../support/test-app";

interface Me { sub: string; roles: string[]; role: string | null; permissions: Permissions }

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.database.drop(); });

const me = async (headers: Record<string, string> = {}) => t.app.request("/api/auth/me", { headers });

describe("GET /api/auth/me", () => {
  test("401 without a token, and with a malformed one", async () => {
    for (const headers of [{}, { authorization: "Bearer nope" }] as Record<string, string>[]) {
      const res = await me(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toStartWith("Bearer");
      expect(((await res.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe("UNAUTHENTICATED");
    }
  });

  test("ALFKI: customer role, its account editable on contact fields only, no Departments", async () => {
    const res = await me(await authAs(t, "ALFKI"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as Me;
    expect(body).toMatchObject({ sub: "ALFKI", roles: ["customer", "tenant"], role: "customer" });
    expect(body.permissions.Customer).toMatchObject({ select: true, insert: false, update: true, delete: false });
    expect(body.permissions.Customer!.updatableAttributes).toContain("ContactName");
    expect(body.permissions.Customer!.updatableAttributes).not.toContain("CreditLimit");
    expect(body.permissions.Department).toEqual({ select: false, insert: false, update: false, delete: false });
    expect(body.permissions.Order).toMatchObject({ select: true, insert: true, update: true, delete: true });
    expect(body.permissions.Order!.readableAttributes).toBeUndefined();
    for (const shipping of ["ShippedDate", "ShipVia", "Freight"]) {
      expect(body.permissions.Order!.insertableAttributes).not.toContain(shipping);
      expect(body.permissions.Order!.updatableAttributes).not.toContain(shipping);
    }
    expect(body.permissions.Order!.updatableAttributes).toContain("ShipAddress");
  });

  test("admin: everything allowed; s1 acts as sales", async () => {
    const admin = (await (await me(await authAs(t, "admin"))).json()) as Me;
    expect(admin.role).toBe("admin");
    expect(Object.values(admin.permissions).every((p) => p.select && p.insert && p.update && p.delete && !p.updatableAttributes)).toBe(true);
    expect(((await (await me(await authAs(t, "s1"))).json()) as Me).role).toBe("sales");
  });

  test("declared in the OpenAPI document with its 200 and 401", async () => {
    const spec = (await (await t.app.request("/openapi.json")).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const op = spec.paths["/api/auth/me"]?.get;
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(["200", "401"]));
  });
});
