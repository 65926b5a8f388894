/**
 * The OpenAPI 3.1 document declares every JSON:API route the app serves, with
 * request schemas, every response status and per-resource component schemas
 * derived from the drizzle tables.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { northwindResources as registry } from "../../src/northwind/api";
import { createTestApp, type TestApp } from "../support/test-app";

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; style?: string; description?: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }>; headers?: Record<string, unknown> }>;
}
interface Spec { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } }

let t: TestApp;
let spec: Spec;
beforeAll(async () => {
  t = await createTestApp();
  spec = await (await t.app.request("/openapi.json")).json() as Spec;
});
afterAll(() => t.database.drop());

const statuses = (op: Operation | undefined) => Object.keys(op?.responses ?? {}).sort();

describe("OpenAPI document of the JSON:API", () => {
  test("every resource route the app serves is declared, and nothing more", () => {
    const types = new Set(registry.resources.map((r) => r.type));
    const ours = (p: string) => types.has(p.split("/")[2] ?? "");
    const served = new Set(t.app.routes.filter((r) => ours(r.path) && r.method !== "ALL")
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`));
    expect(served.size).toBeGreaterThan(5 * types.size);
    const declared = new Set(Object.entries(spec.paths).filter(([p]) => ours(p))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    expect([...served].filter((r) => !declared.has(r))).toEqual([]);
    expect([...declared].filter((r) => !served.has(r))).toEqual([]);
  });

  test("each resource has its five operations with every status they answer", () => {
    expect(spec.openapi).toBe("3.1.0");
    for (const r of registry.resources) {
      const list = spec.paths[`/api/${r.type}`]!;
      const one = spec.paths[`/api/${r.type}/{id}`]!;
      expect(statuses(list.get)).toEqual(["200", "400", "401", "403"]);
      expect(statuses(list.post)).toEqual(["201", "400", "401", "403", "409", "413", "415", "422", "500"]);
      expect(statuses(one.get)).toEqual(["200", "304", "400", "401", "403", "404"]);
      expect(statuses(one.patch)).toEqual(["200", "400", "401", "403", "404", "409", "412", "413", "415", "422", "500"]);
      expect(statuses(one.delete)).toEqual(["204", "401", "403", "404", "409", "412", "422", "500"]);
      expect(list.post!.requestBody!.content["application/vnd.api+json"]!.schema.$ref).toBe(`#/components/schemas/${r.type}CreateDocument`);
      expect(Object.keys(list.post!.requestBody!.content).sort()).toEqual(["application/json", "application/vnd.api+json"]);
      expect(one.patch!.responses["200"]!.headers).toHaveProperty("ETag");
      expect(list.get!.responses["200"]!.content!["application/vnd.api+json"]!.schema.$ref).toBe(`#/components/schemas/${r.type}CollectionDocument`);
      for (const rel of r.relationships) {
        expect(spec.paths[`/api/${r.type}/{id}/${rel.name}`]?.get).toBeDefined();
        expect(spec.paths[`/api/${r.type}/{id}/relationships/${rel.name}`]?.get).toBeDefined();
      }
    }
  });

  test("schemas come from the tables: decimals as numbers out, number-or-string in; required create fields", () => {
    const s = spec.components.schemas;
    expect(s.OrderAttributes!.properties!.Freight).toMatchObject({ type: ["number", "null"] });
    expect(JSON.stringify(s.OrderCreateAttributes!.properties!.Freight)).toContain("numeric string");
    expect(s.OrderCreateAttributes!.required).toEqual(["CustomerId", "EmployeeId"]);
    expect(s.OrderCreateAttributes!.properties!.Id).toBeUndefined();
    expect(s.CustomerCreateAttributes!.properties!.Id).toBeDefined();
    expect(s.OrderAttributes!.properties!.OrderDate).toMatchObject({ format: "date" });
    for (const name of ["CustomerResource", "CustomerDocument", "CustomerUpdateDocument", "OrderFilter", "JsonApiErrorDocument", "FilterOperators"]) {
      expect(s[name]).toBeDefined();
    }
  });

  test("parameters: deepObject filter/fields/page, documented ids and If-Match", () => {
    const list = spec.paths["/api/Location"]!.get!;
    const param = (name: string) => list.parameters!.find((p) => p.name === name);
    expect(param("filter")).toMatchObject({ in: "query", style: "deepObject" });
    expect(param("page")).toMatchObject({ in: "query", style: "deepObject" });
    expect(param("fields")).toMatchObject({ in: "query", style: "deepObject" });
    expect(param("filter")!.description).toContain("filter[or][0]");
    const id = spec.paths["/api/Location/{id}"]!.get!.parameters!.find((p) => p.name === "id")!;
    expect(id.description).toContain("joins the key parts in key order with `,`");
    expect(spec.paths["/api/Location/{id}"]!.patch!.parameters!.map((p) => p.name)).toContain("if-match");
  });
});
