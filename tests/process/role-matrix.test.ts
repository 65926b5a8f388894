/**
 * Every demo role against every resource and path of the running Northwind
 * process, including the ones it may not use. Expectations come from what
 * `/api/auth/me` says the role may do, so the matrix follows the grants: a
 * refused action is 403 and changes nothing, an allowed one never fails with
 * a 5xx, customers see only their own rows, and the process stays up.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cloneDatabase, type TestDatabase } from "../support/test-database";
import { loginHeader, NORTHWIND_ENTRY, startServerProcess, type ServerProcess } from "../support/server-process";

interface Permission { select: boolean; insert: boolean; update: boolean; delete: boolean }
interface Resource { id: string; type: string; relationships: Record<string, { links: { related: string; self: string } }> }

const USERS = ["admin", "s1", "ALFKI", "ANATR", "partner"] as const;
const JSON_API = "application/vnd.api+json";

let db: TestDatabase;
let server: ServerProcess;
const auth: Record<string, Record<string, string>> = {};
const permissions: Record<string, Record<string, Permission>> = {};
/** One row of each resource type, as admin sees it. */
const samples: Record<string, Resource | undefined> = {};

beforeAll(async () => {
  db = await cloneDatabase();
  server = await startServerProcess(NORTHWIND_ENTRY, { DATABASE_URL: db.url });
  for (const user of USERS) {
    auth[user] = await loginHeader(server.url, user);
    const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: auth[user] })).json()) as { permissions: Record<string, Permission> };
    permissions[user] = me.permissions;
  }
  for (const type of Object.keys(permissions.admin!)) {
    const res = await fetch(`${server.url}/api/${type}?page[limit]=1`, { headers: auth.admin });
    samples[type] = ((await res.json()) as { data: Resource[] }).data[0];
  }
}, 60_000);
afterAll(async () => { await server?.stop(); await db?.drop(); });

async function call(user: string, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { ...auth[user], ...(body ? { "content-type": JSON_API } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 500) throw new Error(`${user} ${method} ${path}: ${res.status} ${text}`);
  if (res.status >= 400) {
    const doc = JSON.parse(text) as { errors: { status: string }[] };
    expect(doc.errors[0]!.status).toBe(String(res.status));
    expect(text).not.toMatch(/permission denied for|relation "|violates .* constraint "/);
  }
  return { status: res.status, text };
}

async function adminStillSees(type: string, id: string): Promise<boolean> {
  return (await fetch(`${server.url}/api/${type}/${encodeURIComponent(id)}`, { headers: auth.admin })).status === 200;
}

for (const user of USERS) {
  describe(`${user} against every resource`, () => {
    test("list, read, related paths: 403 where the role may not read, never a 5xx", async () => {
      for (const [type, may] of Object.entries(permissions[user]!)) {
        const list = await call(user, "GET", `/api/${type}`);
        expect([type, list.status]).toEqual([type, may.select ? 200 : 403]);
        const sample = samples[type];
        if (!sample) continue;
        const one = await call(user, "GET", `/api/${type}/${encodeURIComponent(sample.id)}`);
        expect([type, may.select ? [200, 404].includes(one.status) : one.status === 403]).toEqual([type, true]);
        for (const rel of Object.values(sample.relationships ?? {})) {
          await call(user, "GET", rel.links.related);
          await call(user, "GET", rel.links.self);
        }
      }
      expect(await server.alive()).toBe(true);
    }, 60_000);

    test("writes it may not make are 403 and change nothing", async () => {
      for (const [type, may] of Object.entries(permissions[user]!)) {
        const sample = samples[type];
        if (!may.insert) expect([type, (await call(user, "POST", `/api/${type}`, { data: { type, attributes: {} } })).status]).toEqual([type, 403]);
        if (!sample) continue;
        const path = `/api/${type}/${encodeURIComponent(sample.id)}`;
        if (!may.update) {
          const patch = await call(user, "PATCH", path, { data: { type, id: sample.id, attributes: {} } });
          expect([type, patch.status]).toEqual([type, 403]);
        }
        if (!may.delete) {
          expect([type, (await call(user, "DELETE", path)).status]).toEqual([type, 403]);
          expect([type, await adminStillSees(type, sample.id)]).toEqual([type, true]);
        }
      }
      expect(await server.alive()).toBe(true);
    }, 60_000);

    test("writes it may make never fail with a 5xx (empty create, empty update, delete of a missing row)", async () => {
      for (const [type, may] of Object.entries(permissions[user]!)) {
        const sample = samples[type];
        if (may.insert) await call(user, "POST", `/api/${type}`, { data: { type, attributes: {} } });
        if (may.update && sample) await call(user, "PATCH", `/api/${type}/${encodeURIComponent(sample.id)}`, { data: { type, id: sample.id, attributes: {} } });
        if (may.delete) expect([type, (await call(user, "DELETE", `/api/${type}/no-such-row-0`)).status]).toEqual([type, expect.any(Number)]);
      }
      expect(await server.alive()).toBe(true);
    }, 60_000);
  });
}

for (const customer of ["ALFKI", "ANATR"]) {
  test(`${customer} sees only its own orders and customer row, through list, read and include`, async () => {
    const other = customer === "ALFKI" ? "ANATR" : "ALFKI";
    const orders = JSON.parse((await call(customer, "GET", "/api/Order?page[limit]=100&include=Customer")).text) as
      { data: { attributes: { CustomerId: string } }[]; included?: { id: string }[] };
    expect(orders.data.length).toBeGreaterThan(0);
    expect(new Set(orders.data.map((o) => o.attributes.CustomerId))).toEqual(new Set([customer]));
    expect((orders.included ?? []).map((c) => c.id)).toEqual([customer]);
    const [theirs] = await db.sql<{ id: number }[]>`select id from "order" where customer_id = ${other} limit 1`;
    expect((await call(customer, "GET", `/api/Order/${theirs!.id}`)).status).toBe(404);
    expect((await call(customer, "GET", `/api/Customer/${other}`)).status).toBe(404);
    const patch = await call(customer, "PATCH", `/api/Order/${theirs!.id}`, { data: { type: "Order", id: String(theirs!.id), attributes: { Notes: "x" } } });
    expect(patch.status).toBe(404);
    const del = await call(customer, "DELETE", `/api/Order/${theirs!.id}`);
    expect(del.status).toBe(404);
    const [still] = await db.sql`select notes from "order" where id = ${theirs!.id}`;
    expect(still).toEqual({ notes: null });
  });
}
