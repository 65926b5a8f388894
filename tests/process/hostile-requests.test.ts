/**
 * Hostile requests against the real Northwind process: each answers a JSON:API
 * error with a fitting status (never 500, never a stack trace or table name), and
 * the process is still alive after every one.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import { cloneDatabase, type TestDatabase } from "../support/test-database";
import { loginHeader, NORTHWIND_ENTRY, startServerProcess, type ServerProcess } from "../support/server-process";

let db: TestDatabase;
let server: ServerProcess;
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  db = await cloneDatabase();
  server = await startServerProcess(NORTHWIND_ENTRY, { DATABASE_URL: db.url });
  for (const user of ["admin", "ALFKI", "partner"]) headers[user] = await loginHeader(server.url, user);
}, 30_000);
afterAll(async () => { await server?.stop(); await db?.drop(); });

interface Hostile { path: string; method?: string; body?: string; statuses: number[]; contentType?: string }

const NUL = "%00";
const HOSTILE: Hostile[] = [
  { path: "/api/Department", statuses: [200] },
  { path: `/api/Customer?filter[CompanyName]=a${NUL}b`, statuses: [400] },
  { path: `/api/Customer/a${NUL}b`, statuses: [400, 404] },
  { path: "/api/Customer?filter[CompanyName][ilike]=%25ab%5C", statuses: [400] },
  { path: "/api/Customer?filter[CompanyName][like]=%5C", statuses: [400] },
  { path: "/api/Customer?filter[CompanyName][like]=_%25%5C%5C", statuses: [200] },
  { path: "/api/Order?filter[OrderDate]=3013-66-08%2B21", statuses: [400] },
  { path: "/api/Order?filter[OrderDate][gt]=99999-01-01", statuses: [400] },
  { path: "/api/Order?filter[Freight][gt]=1e400", statuses: [400] },
  { path: "/api/Order?filter[Id]=99999999999999999999999", statuses: [400] },
  { path: "/api/Order/99999999999999999999999", statuses: [400, 404] },
  { path: `/api/Order?sort=${NUL}`, statuses: [400] },
  { path: `/api/Order?include=${NUL}`, statuses: [400] },
  { path: `/api/Order?fields[Order]=${NUL}`, statuses: [400] },
  { path: "/api/Order?page[size]=-1", statuses: [400] },
  { path: "/api/Order?page[offset]=1e20", statuses: [400] },
  { path: "/api/Customer", method: "POST", contentType: "application/vnd.api+json",
    body: JSON.stringify({ data: { type: "Customer", id: "X\u0000Y", attributes: { CompanyName: "a\u0000b" } } }), statuses: [400, 403, 422] },
  { path: "/api/Customer/ALFKI", method: "PATCH", contentType: "application/vnd.api+json",
    body: JSON.stringify({ data: { type: "Customer", id: "ALFKI", attributes: { CompanyName: "a\u0000b" } } }), statuses: [400, 403, 422] },
  { path: "/api/ServicesEndPoint/OrderB2B", method: "POST", contentType: "application/json",
    body: JSON.stringify({ meta: { args: { order: { AccountId: "AL\u0000FKI", Surname: "x", Given: "y",
      Items: [{ ProductName: "Ch\u0000ai", QuantityOrdered: 1 }] } } } }), statuses: [400, 403, 422] },
  { path: "/api/Customer", method: "POST", contentType: "application/vnd.api+json",
    body: `{"data":${"[".repeat(200_000)}${"]".repeat(200_000)}}`, statuses: [400, 403, 422] },
  { path: "/api/ServicesEndPoint/OrderB2B", method: "POST", contentType: "application/json",
    body: `{"AccountId":${"{\"a\":".repeat(50_000)}1${"}".repeat(50_000)}}`, statuses: [400, 403, 422] },
  { path: "/api/Customer", method: "POST", contentType: "application/vnd.api+json",
    body: JSON.stringify({ data: { type: "Customer", attributes: { CompanyName: "x".repeat(2_000_000) } } }), statuses: [413] },
  { path: "/api/Customer", method: "POST", contentType: "text/plain", body: "hello", statuses: [415] },
  { path: "/api/auth/login", method: "POST", contentType: "text/plain", body: "hello", statuses: [415] },
  { path: `/api/Order?${Array.from({ length: 25 }, (_, i) => `filter[or][${i}][Id]=${i}`).join("&")}`, statuses: [400] },
  { path: "/api/Order?filter[or][00][Id]=1&filter[or][0][Id]=2", statuses: [400] },
  { path: "/api/Order?filter[OrderDetailList.Product.Category.ProductList.Id]=1", statuses: [400] },
  { path: "/api/Order/", statuses: [404] },
  { path: "/admin/assets/%00", statuses: [404] },
  { path: "/admin/assets/a%00.js", statuses: [404] },
  { path: "/docs/assets/%00", statuses: [404] },
  { path: "/api/Customer", method: "POST", contentType: "application/vnd.api+json", body: "{\"data\":", statuses: [400] },
];

for (const user of ["admin", "ALFKI", "partner"]) {
  for (const h of HOSTILE) {
    test(`${user}: ${h.method ?? "GET"} ${h.path} is refused clearly and the process survives`, async () => {
      const res = await fetch(`${server.url}${h.path}`, {
        method: h.method ?? "GET", body: h.body,
        headers: { ...headers[user], ...(h.contentType ? { "content-type": h.contentType } : {}) },
      });
      const text = await res.text();
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) {
        const doc = JSON.parse(text) as { errors: { status: string; code: string }[] };
        expect(doc.errors[0]!.status).toBe(String(res.status));
        expect(text).not.toMatch(/permission denied for|relation "|\bat .*\.ts:\d+|postgres/i);
      }
      // Roles may see a 403 where admin gets the listed status; never a 5xx.
      expect([...h.statuses, 403]).toContain(res.status);
      const alive = await server.alive();
      if (!alive) console.error(`server died (exit ${server.proc.exitCode}, signal ${server.proc.signalCode}):\n${server.output()}`);
      expect(alive).toBe(true);
    });
  }
}

test("a stray rejected promise or thrown callback is logged and does not end a guarded process", async () => {
  const script = [
    `import pino from "pino";`,
    `import { surviveStrayErrors } from ${JSON.stringify(join(import.meta.dir, "../../src/engine/process/survive-stray-errors"))};`,
    `surviveStrayErrors(pino({ name: "guarded" }));`,
    `void Promise.reject(new Error("stray rejection"));`,
    `setTimeout(() => { throw new Error("stray throw"); }, 10);`,
    `setTimeout(() => { console.log("still alive"); }, 200);`,
  ].join("\n");
  const proc = Bun.spawn([process.execPath, "-e", script], { cwd: join(import.meta.dir, "../.."), stdout: "pipe", stderr: "pipe" });
  const [code, out] = await Promise.all([proc.exited, new Response(proc.stdout).text()]);
  expect(out).toContain("still alive");
  expect(out).toContain("stray rejection");
  expect(out).toContain("stray throw");
  expect(code).toBe(0);
});

test("a method a path does not take is 405 with Allow; an unknown path stays 404", async () => {
  const put = await fetch(`${server.url}/api/Order/10643`, { method: "PUT", headers: headers.admin });
  expect(put.status).toBe(405);
  expect(put.headers.get("allow")).toBe("DELETE, GET, HEAD, PATCH");
  const del = await fetch(`${server.url}/api/Order`, { method: "DELETE", headers: headers.admin });
  expect(del.status).toBe(405);
  expect(del.headers.get("allow")).toBe("GET, HEAD, POST");
  expect(((await del.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("METHOD_NOT_ALLOWED");
  const unknown = await fetch(`${server.url}/api/NoSuchThing/1`, { method: "DELETE", headers: headers.admin });
  expect(unknown.status).toBe(404);
});

test("a 10,000-item B2B order is refused up front, pointing at Items, and places nothing", async () => {
  const [before] = await db.sql`select count(*)::int as n from "order"`;
  const items = Array.from({ length: 10_000 }, () => ({ ProductName: "Chai", QuantityOrdered: 1 }));
  const started = performance.now();
  const res = await fetch(`${server.url}/api/ServicesEndPoint/OrderB2B`, {
    method: "POST", headers: { ...headers.partner, "content-type": "application/json" },
    body: JSON.stringify({ AccountId: "ALFKI", Surname: "Buchanan", Given: "Steven", Items: items }),
  });
  const doc = (await res.json()) as { errors: { source?: { pointer?: string } }[] };
  console.log(`10,000-item B2B order refused in ${Math.round(performance.now() - started)} ms`);
  expect([400, 422]).toContain(res.status);
  expect(doc.errors[0]!.source?.pointer).toBe("/Items");
  const [after] = await db.sql`select count(*)::int as n from "order"`;
  expect(after).toEqual(before!);
});

test("a customer reading a resource it has no grant for, 30 times at once: 403 each, and no stray rejection", async () => {
  const responses = await Promise.all(Array.from({ length: 30 }, () =>
    fetch(`${server.url}/api/Department`, { headers: headers.ALFKI })));
  expect(responses.map((r) => r.status)).toEqual(Array(30).fill(403));
  await Bun.sleep(100);
  expect(server.output()).not.toContain("unhandled promise rejection");
  expect(await server.alive()).toBe(true);
});

test("after every hostile request the server logged no stray rejection", () => {
  expect(server.output()).not.toContain("unhandled promise rejection");
  expect(server.output()).not.toContain("uncaught exception");
});
