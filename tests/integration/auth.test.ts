/**
 * Authentication through HTTP with real tokens: login, the 401 cases
 * (missing, malformed, expired, not yet valid, wrong signature, tampered,
 * alg none), 403 for a role without access, throttling, public routes.
 * Throttling by client address is over real HTTP in login-throttle.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { SignJWT } from "jose";
import { createLoginLimiter } from "../../src/engine/security/login-limiter";
import { createTestApp, TEST_TOKEN_OPTIONS, tokenFor, type TestApp } from "../support/test-app";

let t: TestApp;
// A long first wait, so a slow machine cannot let it lapse between two requests (timing: unit tests).
beforeAll(async () => { t = await createTestApp({ loginLimiter: createLoginLimiter({ firstWaitSeconds: 60 }) }); });
afterAll(async () => { await t.database.drop(); });

const B2B = "/api/ServicesEndPoint/OrderB2B";
const order = { AccountId: "ALFKI", Surname: "Buchanan", Given: "Steven", Items: [{ ProductName: "Chai", QuantityOrdered: 1 }] };

const login = (username: string, password: string) => t.app.request("/api/auth/login", {
  method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }),
});

const postWith = (authorization?: string) => t.app.request(B2B, {
  method: "POST", body: JSON.stringify(order),
  headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
});

const secret = new TextEncoder().encode(TEST_TOKEN_OPTIONS.secret);
const base64url = (s: string) => Buffer.from(s).toString("base64url");

function signed(claims: Record<string, unknown>, build: (j: SignJWT) => SignJWT = (j) => j, key = secret) {
  return build(new SignJWT({ roles: ["partner"], ...claims }).setProtectedHeader({ alg: "HS256" })
    .setSubject("partner").setIssuer("northwind").setAudience("northwind-api").setIssuedAt()).sign(key);
}

async function expect401(res: Response, detail: RegExp): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toStartWith("Bearer");
  const body = await res.json() as { errors: { code: string; detail: string }[] };
  expect(body.errors[0]?.code).toBe("UNAUTHENTICATED");
  expect(body.errors[0]?.detail).toMatch(detail);
}

describe("login", () => {
  test("a demo user gets a bearer token carrying roles and its customer", async () => {
    const res = await login("ALFKI", "p");
    expect(res.status).toBe(200);
    const body = await res.json() as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 900 });
    const claims = await t.tokens.verify(body.access_token);
    expect(claims).toMatchObject({ sub: "ALFKI", roles: ["customer", "tenant"], customer_id: "ALFKI" });
  });

  test("wrong password and unknown user get the same answer", async () => {
    const wrong = await login("s1", "nope");
    const unknown = await login("nobody", "p");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  test("three failures for one user block further tries with 429, Retry-After and a JSON:API error", async () => {
    for (let i = 0; i < 3; i++) expect((await login("u1", `guess${i}`)).status).toBe(401);
    const blocked = await login("u1", "p");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ errors: [{ status: "429", code: "TOO_MANY_REQUESTS" }] });
    expect((await login("u2", "p")).status).toBe(200);
  });

  test("a malformed login body is refused without a token", async () => {
    const res = await t.app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "s1" }) });
    expect([400, 422]).toContain(res.status);
  });
});

describe("bearer tokens", () => {
  test("missing and malformed Authorization are 401", async () => {
    await expect401(await postWith(), /missing Authorization/);
    await expect401(await postWith("Basic czE6cA=="), /malformed Authorization/);
    await expect401(await postWith("Bearer not-a-jwt"), /malformed Authorization/);
  });

  test("expired, not yet valid and wrong-signature tokens are 401", async () => {
    await expect401(await postWith(`Bearer ${await signed({}, (j) => j.setExpirationTime(Math.floor(Date.now() / 1000) - 120))}`), /expired/);
    await expect401(await postWith(`Bearer ${await signed({}, (j) => j.setExpirationTime("1h").setNotBefore("10m"))}`), /not yet valid/);
    const other = new TextEncoder().encode("another-secret-another-secret-another-1");
    await expect401(await postWith(`Bearer ${await signed({}, (j) => j.setExpirationTime("1h"), other)}`), /invalid/);
  });

  test("a token whose payload was changed, or with alg none, is 401", async () => {
    const token = await tokenFor(t, "ALFKI");
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const tampered = `${header}.${base64url(JSON.stringify({ ...claims, roles: ["sa"] }))}.${signature}`;
    await expect401(await postWith(`Bearer ${tampered}`), /invalid/);
    const none = `${base64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64url(JSON.stringify({ ...claims, roles: ["sa"] }))}.`;
    await expect401(await postWith(`Bearer ${none}`), /invalid/);
  });

  test("a role without access to an endpoint is 403", async () => {
    const res = await postWith(`Bearer ${await tokenFor(t, "ALFKI")}`);
    expect(res.status).toBe(403);
    const tenantOnly = await postWith(`Bearer ${await tokenFor(t, "aneu")}`);
    expect(tenantOnly.status).toBe(403);
  });

  test("health, the OpenAPI document and the docs stay public; the document declares the bearer scheme", async () => {
    expect((await t.app.request("/health")).status).toBe(200);
    expect((await t.app.request("/docs")).status).toBe(200);
    const spec = await (await t.app.request("/openapi.json")).json() as {
      components: { securitySchemes: Record<string, unknown> }; security: unknown[] };
    expect(spec.components.securitySchemes.bearerAuth).toEqual({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
    expect(spec.security).toEqual([{ bearerAuth: [] }]);
  });
});
