/**
 * Token revocation over HTTP on real Postgres: a user deleted, disabled, given
 * other roles or a new password by SQL (as an operator would) has its issued
 * tokens refused with 401 within the token-version cache window; a new sign-in works at once.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createTestApp, type TestApp } from "../support/test-app";
import { createUser } from "../support/test-users";
import { serve, type Served } from "../support/http-from";

const CACHE_SECONDS = 1;
let t: TestApp;
let http: Served;
beforeAll(async () => {
  t = await createTestApp({ tokenVersionCacheSeconds: CACHE_SECONDS });
  http = serve(t.app);
});
afterAll(async () => { await http.stop(); await t.database.drop(); });

async function login(username: string, password = "p"): Promise<{ status: number; token?: string }> {
  const res = await fetch(`${http.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }) });
  return { status: res.status, token: res.ok ? ((await res.json()) as { access_token: string }).access_token : undefined };
}

/** The admin PATCH from the report: a staff user edits a customer's contact. */
const patchCustomer = (token: string) => fetch(`${http.url}/api/Customer/ALFKI`, {
  method: "PATCH", headers: { authorization: `Bearer ${token}`, "content-type": "application/vnd.api+json" },
  body: JSON.stringify({ data: { type: "Customer", id: "ALFKI", attributes: { ContactTitle: `t${Date.now()}` } } }),
});

/** Polls until the token is refused; returns how long that took, or fails well past the cache window. */
async function refusedWithin(token: string): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < CACHE_SECONDS * 2000 + 2000) {
    const res = await patchCustomer(token);
    if (res.status === 401) {
      const body = await res.json() as { errors: { code: string; detail: string }[] };
      expect(body.errors[0]).toMatchObject({ code: "UNAUTHENTICATED", detail: expect.stringContaining("revoked") });
      expect(res.headers.get("www-authenticate")).toStartWith("Bearer");
      return performance.now() - start;
    }
    expect(res.status).toBe(200);
    await Bun.sleep(100);
  }
  throw new Error("the token was still accepted after the cache window");
}

async function signedInAdmin(id: string): Promise<string> {
  await createUser(t.database, id, ["sa"]);
  const { status, token } = await login(id);
  expect(status).toBe(200);
  expect((await patchCustomer(token!)).status).toBe(200);
  return token!;
}

describe("a token stops working when its user changes", () => {
  test("a deleted user's token is refused within the cache window, and stays refused if the id is reused", async () => {
    const token = await signedInAdmin("gone1");
    await t.database.sql`delete from app_user where id = 'gone1'`;
    // The window plus the time of one request on a busy machine.
    expect(await refusedWithin(token)).toBeLessThan(CACHE_SECONDS * 1000 + 1500);
    await createUser(t.database, "gone1", ["sa"]);
    await Bun.sleep(CACHE_SECONDS * 1000 + 100);
    expect((await patchCustomer(token)).status).toBe(401);
  });

  test("a disabled user's token is refused, and the user can no longer sign in", async () => {
    const token = await signedInAdmin("off1");
    await t.database.sql`update app_user set disabled = true where id = 'off1'`;
    await refusedWithin(token);
    const again = await login("off1");
    expect(again.status).toBe(401);
  });

  test("after a role change the old token is refused; a new sign-in carries the new roles", async () => {
    const token = await signedInAdmin("role1");
    await t.database.sql`delete from app_user_role where user_id = 'role1'`;
    await t.database.sql`insert into app_user_role (user_id, role_name) values ('role1', 'customer')`;
    await refusedWithin(token);
    const fresh = await login("role1");
    const me = await fetch(`${http.url}/api/auth/me`, { headers: { authorization: `Bearer ${fresh.token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { roles: string[] }).roles).toEqual(["customer"]);
  });

  test("after a password change the old token is refused and a token from the new password works at once", async () => {
    const token = await signedInAdmin("pw1");
    const hash = await Bun.password.hash("new-password", { algorithm: "argon2id" });
    await t.database.sql`update app_user set password_hash = ${hash} where id = 'pw1'`;
    await refusedWithin(token);
    const fresh = await login("pw1", "new-password");
    expect(fresh.status).toBe(200);
    // The cache still holds the version it saw a moment ago; a newer token must not wait for it to expire.
    expect((await patchCustomer(fresh.token!)).status).toBe(200);
  });

  test("an unrelated edit of the user row (its display name) keeps its tokens valid", async () => {
    const token = await signedInAdmin("name1");
    await t.database.sql`update app_user set name = 'Renamed' where id = 'name1'`;
    await Bun.sleep(CACHE_SECONDS * 1000 + 100);
    expect((await patchCustomer(token)).status).toBe(200);
  });
});
