/**
 * Shipping as real processes: `bun src/server.ts` (Northwind, signing ES256 and
 * publishing its JWKS) and `bun shipping/server.ts` (verifying with that JWKS).
 * Anonymous writes are 401 and change nothing (checked with SQL); Northwind
 * tokens work by role; customers get 403; a token signed with another key is
 * 401; both servers listen on 127.0.0.1 only; the OpenAPI document says so.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateKeyPair, exportPKCS8, SignJWT } from "jose";
import { freePort } from "../../src/engine/net/free-port";
import { generateDevSigningKey } from "../../src/engine/security/dev-signing-key";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "../support/test-database";
import { createUser } from "../support/test-users";
import { waitUntil } from "../support/wait";

const ROOT = join(import.meta.dir, "../..");
const JSON_API = "application/vnd.api+json";

interface Proc { url: string; port: number; proc: Bun.Subprocess<"ignore", "pipe", "pipe"> }

let northwindDb: TestDatabase;
let shippingDb: TestDatabase;
let northwind: Proc;
let shipping: Proc;

async function start(script: string, env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  // No Kafka: these processes must not join the suite's consumer groups.
  const proc = Bun.spawn([process.execPath, join(ROOT, script)], {
    env: { ...process.env, KAFKA_BROKERS: "", LOG_LEVEL: "warn", HOST: "", ...env, PORT: String(port) },
    stdout: "pipe", stderr: "pipe",
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(() => fetch(`${url}/health`).then((r) => r.ok, () => false), 30_000, `${script} up`);
  } catch (e) {
    proc.kill("SIGKILL");
    throw new Error(`${e}\n${await new Response(proc.stderr).text()}`);
  }
  return { url, port, proc };
}

async function stop(p: Proc | undefined): Promise<void> {
  if (!p) return;
  p.proc.kill("SIGTERM");
  await p.proc.exited;
}

beforeAll(async () => {
  [northwindDb, shippingDb] = await Promise.all([cloneDatabase(), cloneDatabase(SHIPPING_TEMPLATE_DATABASE)]);
  const key = await generateDevSigningKey();
  northwind = await start("src/server.ts", { DATABASE_URL: northwindDb.url, JWT_ALGORITHM: key.algorithm,
    JWT_PRIVATE_KEY: key.privateKeyPem, TOKEN_VERSION_CACHE_SECONDS: "1" });
  shipping = await start("shipping/server.ts", { DATABASE_URL: shippingDb.url, JWT_ALGORITHM: "ES256",
    JWT_JWKS_URL: `${northwind.url}/.well-known/jwks.json`, NORTHWIND_URL: northwind.url, TOKEN_VERSION_CACHE_SECONDS: "1" });
}, 90_000);

afterAll(async () => {
  await stop(shipping);
  await stop(northwind);
  await Promise.all([northwindDb?.drop(), shippingDb?.drop()]);
});

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "p" }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

function send(method: string, path: string, token?: string, body?: unknown): Promise<Response> {
  return fetch(`${shipping.url}${path}`, { method, headers: {
    ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": JSON_API } : {}) },
    body: body ? JSON.stringify(body) : undefined });
}

/** What the writes below would change, read straight from the Shipping database. */
async function snapshot() {
  const [row] = await shippingDb.sql<{ orders: number; customers: number; notes: string | null; contact: string | null }[]>`
    select (select count(*)::int from orders) as orders, (select count(*)::int from customers) as customers,
      (select notes from orders where order_id = 1) as notes, (select contact_name from customers where customer_id = 1) as contact`;
  return row!;
}

const newOrder = (ref: number) => ({ data: { type: "Orders", attributes: { CustomerID: 1, Notes: "new", NWRefId: ref } } });
const orderNotes = (notes: string) => ({ data: { type: "Orders", id: "1", attributes: { Notes: notes } } });
const customerContact = (name: string) => ({ data: { type: "Customers", id: "1", attributes: { ContactName: name } } });

describe("Shipping's API needs Northwind's tokens", () => {
  test("anonymous POST, PATCH and DELETE are 401 with WWW-Authenticate, and change nothing", async () => {
    const before = await snapshot();
    for (const [method, path, body] of [["POST", "/api/Orders", newOrder(900_001)], ["PATCH", "/api/Orders/1", orderNotes("anon")],
      ["DELETE", "/api/Orders/1", undefined], ["DELETE", "/api/Customers/1", undefined], ["GET", "/api/Orders", undefined]] as const) {
      const res = await send(method, path, undefined, body);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 401`);
      expect(res.headers.get("www-authenticate")).toStartWith("Bearer");
      expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("UNAUTHENTICATED");
    }
    expect(await snapshot()).toEqual(before);
  });

  test("an admin token from Northwind's login reads and writes Shipping", async () => {
    const token = await login(northwind.url, "admin");
    expect((await send("GET", "/api/Orders", token)).status).toBe(200);
    expect((await send("PATCH", "/api/Orders/1", token, orderNotes("by admin"))).status).toBe(200);
    const created = await send("POST", "/api/Orders", token, newOrder(900_002));
    expect(created.status).toBe(201);
    expect((await snapshot()).notes).toBe("by admin");
    const [row] = await shippingDb.sql`select count(*)::int as n from orders where nw_ref_id = 900002`;
    expect(row!.n).toBe(1);
  });

  test("login through Shipping (forwarded to Northwind): sales edits orders but may not delete customers", async () => {
    const token = await login(shipping.url, "s1");
    expect((await send("PATCH", "/api/Orders/1", token, orderNotes("by sales"))).status).toBe(200);
    const before = await snapshot();
    expect(before.notes).toBe("by sales");
    const removed = await send("DELETE", "/api/Customers/1", token);
    expect(removed.status).toBe(403);
    expect(await snapshot()).toEqual(before);
    const wrong = await fetch(`${shipping.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "s1", password: "wrong" }) });
    expect(wrong.status).toBe(401);
  });

  test("a customer's Northwind token is refused (403) for reads and writes, and changes nothing", async () => {
    const token = await login(northwind.url, "ALFKI");
    const before = await snapshot();
    for (const [method, path, body] of [["GET", "/api/Orders", undefined], ["POST", "/api/Orders", newOrder(900_003)],
      ["PATCH", "/api/Customers/1", customerContact("me")], ["DELETE", "/api/Orders/1", undefined]] as const) {
      const res = await send(method, path, token, body);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
    }
    const me = await send("GET", "/api/auth/me", token);
    expect(me.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  test("a token signed with another key, or with a shared secret, is 401", async () => {
    const before = await snapshot();
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    expect(await exportPKCS8(privateKey)).toContain("PRIVATE KEY");
    const claims = { sub: "admin", roles: ["sa"] };
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: "ES256", typ: "JWT" })
      .setIssuer("northwind").setAudience("northwind-api").setIssuedAt().setExpirationTime("5m").sign(privateKey);
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer("northwind").setAudience("northwind-api").setIssuedAt().setExpirationTime("5m")
      .sign(new TextEncoder().encode("test-secret-test-secret-test-secret-0123"));
    for (const token of [forged, hs]) {
      const res = await send("PATCH", "/api/Orders/1", token, orderNotes("forged"));
      expect(res.status).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
  });
});

/** Local addresses of the sockets listening on `port` (IPv4 and IPv6), from /proc/net. */
function listeners(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  return ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((file) => readFileSync(file, "utf8").split("\n").slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[1]?.endsWith(`:${hex}`) && f[3] === "0A") // 0A = LISTEN
    .map((f) => f[1]!.split(":")[0]!));
}

describe("binding", () => {
  test("by default both servers listen on 127.0.0.1 only", () => {
    for (const p of [northwind, shipping]) expect(listeners(p.port)).toEqual(["0100007F"]);
  });
});

describe("Shipping's OpenAPI document tells what is enforced", () => {
  test("every /api operation but login requires the bearer scheme and documents 401 and 403; the rest is public", async () => {
    const spec = await (await fetch(`${shipping.url}/openapi.json`)).json() as {
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };
    expect(spec.components.securitySchemes.bearerAuth).toEqual({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
    const ops = Object.entries(spec.paths).flatMap(([path, item]) => Object.entries(item).map(([m, op]) => ({ path, m, op })));
    const guarded = ops.filter((o) => o.path.startsWith("/api/") && o.path !== "/api/auth/login");
    expect(guarded.length).toBeGreaterThan(20);
    for (const { path, m, op } of guarded) {
      expect(`${m} ${path} ${JSON.stringify(op.security)}`).toBe(`${m} ${path} [{"bearerAuth":[]}]`);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401", "403"]));
    }
    for (const { path, m, op } of ops.filter((o) => !guarded.includes(o))) {
      expect(`${m} ${path} ${JSON.stringify(op.security)}`).toBe(`${m} ${path} []`);
    }
    expect(spec.paths["/api/auth/login"]?.post).toBeDefined();
    expect(spec.paths["/api/auth/me"]?.get).toBeDefined();
  });
});

describe("Northwind's keys unreachable", () => {
  test("a Shipping whose JWKS URL answers nothing says 503 with Retry-After, not 401", async () => {
    const lost = await start("shipping/server.ts", { DATABASE_URL: shippingDb.url, JWT_ALGORITHM: "ES256",
      JWT_JWKS_URL: `http://127.0.0.1:${await freePort()}/.well-known/jwks.json` });
    try {
      const res = await fetch(`${lost.url}/api/Orders`, { headers: { authorization: `Bearer ${await login(northwind.url, "admin")}` } });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("UNAVAILABLE");
    } finally {
      await stop(lost);
    }
  }, 60_000);
});

describe("start-up", () => {
  test("Shipping refuses to start without a way to verify tokens, naming the variable", async () => {
    const proc = Bun.spawn([process.execPath, join(ROOT, "shipping/server.ts")], {
      env: { ...process.env, DATABASE_URL: shippingDb.url, PORT: String(await freePort()), KAFKA_BROKERS: "",
        JWT_SECRET: "", JWT_JWKS_URL: "", JWT_PUBLIC_KEY: "", JWT_ALGORITHM: "" }, stdout: "pipe", stderr: "pipe" });
    expect(await proc.exited).toBe(1);
    expect(await new Response(proc.stderr).text()).toStartWith("invalid configuration: JWT_SECRET: required");
  });
});

test("a Northwind user deleted after sign-in is refused by Shipping within the check's cache window", async () => {
  await createUser(northwindDb, "shipclerk", ["sales"]);
  const token = await login(northwind.url, "shipclerk");
  expect((await send("GET", "/api/Orders", token)).status).toBe(200);
  const deletedAt = performance.now();
  await northwindDb.sql`delete from app_user where id = 'shipclerk'`;
  await waitUntil(async () => (await send("GET", "/api/Orders", token)).status === 401, 5_000, "revoked on Shipping");
  console.log(`[shipping] deleted user's token refused after ${Math.round(performance.now() - deletedAt)} ms`);
  const refused = await send("GET", "/api/Orders", token);
  expect(((await refused.json()) as { errors: { detail: string }[] }).errors[0]!.detail).toContain("revoked");
});
