/** The app serves health, JSON 404s and docs in-process, over a real database. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { authAs, createTestApp, kafkaBrokers, type TestApp } from "../support/test-app";
import type { TestDatabase } from "../support/test-database";

let t: TestApp;
let app: TestApp["app"];
let database: TestDatabase;
beforeAll(async () => {
  t = await createTestApp();
  ({ app, database } = t);
});
afterAll(async () => { await database.drop(); });

describe("server basics", () => {
  test("/health reports the database up and Kafka up", async () => {
    const res = await app.request("/health");
    expect(res.status).toBe(200);
    const body = await res.json() as { status: string; database: { up: boolean }; kafka: { configured: boolean; up: boolean } };
    expect(body.database.up).toBe(true);
    if (!kafkaBrokers()) throw new Error("KAFKA_BROKERS is unset: the test runner starts a broker");
    expect(body.kafka).toMatchObject({ configured: true, up: true });
    expect(body.status).toBe("ok");
  });

  test("/health shows the outbox backlog, and a backlog no relay works on is not ok", async () => {
    await database.sql`insert into outbox (aggregate_type, aggregate_id, type, topic, payload, created_at)
      values ('Order', '1', 'T', 't', '{}', now() - interval '90 seconds')`;
    const body = await (await app.request("/health")).json() as { status: string;
      outbox: { pending: number; oldestPendingAgeSeconds: number; relayActive: boolean; stalled: boolean } };
    expect(body.outbox.pending).toBe(1);
    expect(body.outbox.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(body.outbox).toMatchObject({ relayActive: false, stalled: true });
    expect(body.status).toBe("degraded");
    await database.sql`delete from outbox where aggregate_id = '1' and topic = 't'`;
  });

  test("an /api route without a token is 401 before anything else", async () => {
    expect((await app.request("/api/NoSuchThing/1")).status).toBe(401);
  });

  test("unknown routes answer a JSON:API 404 with a request id header", async () => {
    const res = await app.request("/api/NoSuchThing/1", { headers: await authAs(t, "admin") });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/vnd.api+json");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const body = await res.json() as { errors: { code: string; status: string }[] };
    expect(body.errors[0]).toMatchObject({ code: "NOT_FOUND", status: "404" });
  });

  test("/openapi.json is OpenAPI 3.1 and /docs serves Swagger UI from local assets", async () => {
    const spec = await (await app.request("/openapi.json")).json() as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toContain("/health");
    const docs = await app.request("/docs");
    expect(await docs.text()).toContain("/docs/assets/swagger-ui-bundle.js");
    const asset = await app.request("/docs/assets/swagger-ui-bundle.js");
    expect(asset.status).toBe(200);
    expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});
