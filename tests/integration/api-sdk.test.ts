/**
 * A typed SDK from the served /openapi.json: openapi-typescript generates the
 * types into a temp project, tsc checks a client written against them, and
 * openapi-fetch (routed to app.request) lists customers with a filter, creates
 * one, patches it with its ETag, and reads an order with its details included.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasClassicCompilerApi } from "../support/jsonapi-sdk-generate";
import { authAs, createTestApp, type TestApp } from "../support/test-app";

const ROOT = join(import.meta.dir, "../..");
const GENERATOR = join(ROOT, "tests/support/jsonapi-sdk-generate.ts");
const canGenerate = await hasClassicCompilerApi(join(ROOT, "tests/support"));

const CLIENT = `
import createClient from "openapi-fetch";
import type { paths } from "./schema";

export async function run(fetch: (request: Request) => Promise<Response>, authorization: string) {
  const client = createClient<paths>({ baseUrl: "http://northwind.test", fetch, headers: { authorization } });
  const german = await client.GET("/api/Customer", { params: { query: { filter: { Country: "Germany" }, sort: "CompanyName", page: { limit: 100 } } } });
  const created = await client.POST("/api/Customer", { body: { data: { type: "Customer", id: "SDK01",
    attributes: { CompanyName: "SDK Ltd", Country: "Norway", CreditLimit: 250.5 } } } });
  const etag = created.response.headers.get("etag") ?? "";
  const patched = await client.PATCH("/api/Customer/{id}", { params: { path: { id: "SDK01" }, header: { "if-match": etag } },
    body: { data: { type: "Customer", id: "SDK01", attributes: { ContactName: "Ada", CreditLimit: "300.25" } } } });
  const stale = await client.PATCH("/api/Customer/{id}", { params: { path: { id: "SDK01" }, header: { "if-match": etag } },
    body: { data: { type: "Customer", id: "SDK01", attributes: { ContactName: "Grace" } } } });
  const order = await client.GET("/api/Order/{id}", { params: { path: { id: "10643" }, query: { include: "OrderDetailList" } } });
  const name: string | null | undefined = created.data?.data.attributes.CompanyName;
  // @ts-expect-error the attribute is a string, not a number: the types are real
  const wrong: number | undefined = created.data?.data.attributes.CompanyName;
  void wrong;
  return {
    germanCountries: (german.data?.data ?? []).map((c) => c.attributes.Country),
    germanCount: german.data?.meta.count,
    created: { status: created.response.status, id: created.data?.data.id, name, credit: created.data?.data.attributes.CreditLimit, etag },
    patched: { status: patched.response.status, contact: patched.data?.data.attributes.ContactName, credit: patched.data?.data.attributes.CreditLimit,
      etag: patched.response.headers.get("etag") },
    stale: { status: stale.response.status, code: stale.error?.errors[0]?.code },
    order: { id: order.data?.data.id, details: order.data?.data.relationships?.OrderDetailList?.data,
      included: (order.data?.included ?? []).map((r) => r.type + ":" + r.id) },
  };
}
`;

let t: TestApp;
let dir: string;
let authorization: string;
beforeAll(async () => {
  t = await createTestApp();
  authorization = (await authAs(t, "admin")).authorization!;
  dir = mkdtempSync(join(tmpdir(), "nw-sdk-"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  await Bun.write(join(dir, "client.ts"), CLIENT);
  await Bun.write(join(dir, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: "ESNext", module: "Preserve", moduleResolution: "bundler",
      lib: ["ESNext", "DOM"], types: [], skipLibCheck: true, noUncheckedIndexedAccess: true },
    include: ["client.ts", "schema.d.ts"],
  }));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.database.drop();
});

describe("SDK from /openapi.json", () => {
  test.skipIf(!canGenerate)("openapi-typescript generates types that type-check a client", async () => {
    await Bun.write(join(dir, "openapi.json"), await (await t.app.request("/openapi.json")).text());
    const gen = Bun.spawnSync(["bun", GENERATOR, join(dir, "openapi.json"), join(dir, "schema.d.ts")], { cwd: ROOT, stderr: "pipe" });
    expect(gen.exitCode, gen.stderr.toString()).toBe(0);
    const schema = await Bun.file(join(dir, "schema.d.ts")).text();
    expect(schema).toContain('"/api/Customer/{id}"');
    expect(schema).toContain("CustomerResource");
    const tsc = Bun.spawnSync(["bunx", "tsc", "-p", join(dir, "tsconfig.json")], { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
    expect(tsc.exitCode, tsc.stdout.toString() + tsc.stderr.toString()).toBe(0);
  });

  test("openapi-fetch drives the API: filter, create, patch with ETag (then 412), include", async () => {
    const { run } = await import(join(dir, "client.ts")) as { run: (f: (r: Request) => Promise<Response>, a: string) => Promise<{
      germanCountries: string[]; germanCount: number; created: Record<string, unknown>; patched: Record<string, unknown>;
      stale: Record<string, unknown>; order: { id: string; details: { id: string }[]; included: string[] } }> };
    const result = await run(async (request) => t.app.request(request), authorization);
    expect(result.germanCountries.length).toBeGreaterThan(0);
    expect(new Set(result.germanCountries)).toEqual(new Set(["Germany"]));
    expect(result.germanCount).toBe(result.germanCountries.length);
    expect(result.created).toMatchObject({ status: 201, id: "SDK01", name: "SDK Ltd", credit: 250.5 });
    expect(result.patched).toMatchObject({ status: 200, contact: "Ada", credit: 300.25 });
    expect(result.patched.etag).not.toBe(result.created.etag);
    expect(result.stale).toEqual({ status: 412, code: "PRECONDITION_FAILED" });
    expect(result.order.id).toBe("10643");
    expect(result.order.details.length).toBeGreaterThan(0);
    expect(result.order.included.sort()).toEqual(result.order.details.map((d) => `OrderDetail:${d.id}`).sort());
  });
});
