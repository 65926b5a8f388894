/**
 * Shipping's login forwards to Northwind's: the body is checked by the same
 * contract first (nothing malformed is forwarded), and an unreachable Northwind
 * is 503, not a 500 or a hang.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { createShippingTestApp, type ShippingTestApp } from "../support/jsonapi-shipping";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let t: ShippingTestApp;
beforeAll(async () => {
  database = await cloneDatabase(SHIPPING_TEMPLATE_DATABASE);
  t = await createShippingTestApp(database); // its Northwind URL has nothing listening
});
afterAll(() => database.drop());

const login = (body: unknown) => t.app.request("/api/auth/login", { method: "POST",
  headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

test("a login Northwind cannot answer is 503 UNAVAILABLE with Retry-After", async () => {
  const res = await login({ username: "admin", password: "p" });
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).not.toBeNull();
  expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("UNAVAILABLE");
});

test("a malformed login is refused by Shipping's own contract before anything is forwarded", async () => {
  const res = await login({ username: "admin" });
  expect(res.status).toBe(422);
  const extra = await login({ username: "admin", password: "p", role: "sa" });
  expect(extra.status).toBe(422);
});

test("the forwarded X-Forwarded-For is the peer Shipping saw, never what the client wrote", async () => {
  const seen: (string | null)[] = [];
  const upstream = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch(req) {
    seen.push(req.headers.get("x-forwarded-for"));
    return Response.json({ access_token: "t", token_type: "Bearer", expires_in: 60 });
  } });
  const { OpenAPIHono } = await import("@hono/zod-openapi");
  const { registerLoginProxy } = await import("../../src/engine/security/login-proxy");
  const app = new OpenAPIHono();
  registerLoginProxy(app, { upstream: `http://127.0.0.1:${upstream.port}/api/auth/login` });
  const front = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: app.fetch });
  try {
    const res = await fetch(`http://127.0.0.1:${front.port}/api/auth/login`, { method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
      body: JSON.stringify({ username: "admin", password: "p" }) });
    expect(res.status).toBe(200);
    expect(seen).toEqual(["127.0.0.1"]);
  } finally {
    front.stop(true);
    upstream.stop(true);
  }
});
