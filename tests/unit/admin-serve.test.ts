/**
 * How a service serves its admin app: the SPA at / and /admin, hashed assets
 * cached for good, the model at /admin/config.json, a build on first visit when
 * there is none, and a start-up error naming a broken admin.yaml.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { AdminConfigError, DEFAULT_ADMIN_DIR, registerAdmin, type AdminModel } from "../../src/engine/admin";
import { northwindResources } from "../../src/northwind/api";
import { shippingResources } from "../../shipping/api";
import { ensureAdminBuilt } from "../support/browser";

const CONFIG = join(import.meta.dir, "../../src/northwind/admin.yaml");
let scratch: string;

beforeAll(async () => {
  await ensureAdminBuilt();
  scratch = mkdtempSync(join(tmpdir(), "admin-serve-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function app(opts: Partial<Parameters<typeof registerAdmin>[1]> = {}) {
  const hono = new Hono();
  registerAdmin(hono, { registry: northwindResources, configFile: CONFIG, title: "Northwind", ...opts });
  return hono;
}

describe("serving the admin app", () => {
  test("the SPA at / and /admin, its script under /admin/assets with a long cache", async () => {
    const a = app();
    for (const path of ["/", "/admin", "/admin/"]) {
      const res = await a.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain('<div id="root"></div>');
    }
    const script = readdirSync(join(DEFAULT_ADMIN_DIR, "assets")).find((f) => f.endsWith(".js"))!;
    const asset = await a.request(`/admin/assets/${script}`);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    for (const bad of ["..%2F..%2Fpackage.json", ".hidden", "nope.js"]) expect((await a.request(`/admin/assets/${bad}`)).status).toBe(404);
  });

  test("the model at /admin/config.json: the API base, the login, every resource of the registry", async () => {
    const model = (await (await app().request("/admin/config.json")).json()) as AdminModel;
    expect(model).toMatchObject({ title: "Northwind", apiBase: "/api", loginPath: "/api/auth/login" });
    expect(model.resources.map((r) => r.type).sort()).toEqual(northwindResources.resources.map((r) => r.type).sort());
    const shipping = new Hono();
    registerAdmin(shipping, { registry: shippingResources, configFile: join(import.meta.dir, "../../shipping/admin.yaml"),
      title: "Shipping", login: false });
    const shippingModel = (await (await shipping.request("/admin/config.json")).json()) as AdminModel;
    expect(shippingModel).toMatchObject({ title: "Shipping", loginPath: null });
    expect(shippingModel.resources.find((r) => r.type === "Items")!.fields.find((f) => f.name === "Amount")).toMatchObject({ derived: true });
  });

  test("a server started without a build bundles on first visit, or says how to build it", async () => {
    const fresh = app({ assetsDir: join(scratch, "fresh") });
    const [a, b] = await Promise.all([fresh.request("/admin"), fresh.request("/")]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(readdirSync(join(scratch, "fresh", "assets")).some((f) => f.endsWith(".js"))).toBe(true);
    const res = await app({ assetsDir: join(scratch, "missing"), buildWhenMissing: false }).request("/admin");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("bun run build");
  });

  test("a broken admin.yaml stops start-up with its name and the problem", () => {
    const file = join(scratch, "admin.yaml");
    writeFileSync(file, "resources:\n  Customer:\n    attributes:\n      Nope: { hidden: true }\n");
    expect(() => app({ configFile: file })).toThrow(AdminConfigError);
    expect(() => app({ configFile: file })).toThrow(`${file}: Customer.Nope is not an attribute`);
    writeFileSync(file, "resources: [\n");
    expect(() => app({ configFile: file })).toThrow(`${file}: admin config is not valid YAML`);
  });
});
