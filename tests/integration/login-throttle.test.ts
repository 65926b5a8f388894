/**
 * Login throttling over real HTTP from distinct loopback source addresses:
 * guessing one user's password from address A blocks A (429, Retry-After,
 * JSON:API error) but not the user signing in from B; spraying one password
 * over 50 usernames from one address is stopped; a client's X-Forwarded-For is
 * ignored unless proxies are configured, and then only the proxy's entry counts.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createLoginLimiter } from "../../src/engine/security/login-limiter";
import { createTestApp, type TestApp } from "../support/test-app";
import { loginFrom, serve, type HttpReply, type Served } from "../support/http-from";
import { createUser } from "../support/test-users";

let t: TestApp;
let http: Served;
let proxied: TestApp;
let behindProxy: Served;
// The default policy (first wait 1 s) is timed in tests/unit/login-limiter.test.ts; here a long first
// wait keeps a slow machine from letting a wait lapse between two requests.
const loginLimiter = () => createLoginLimiter({ firstWaitSeconds: 60 });
beforeAll(async () => {
  [t, proxied] = await Promise.all([createTestApp({ loginLimiter: loginLimiter() }),
    createTestApp({ trustedProxies: 1, loginLimiter: loginLimiter() })]);
  http = serve(t.app);
  behindProxy = serve(proxied.app);
  await createUser(t.database, "victim", ["sales"]);
});
afterAll(async () => {
  await http.stop(); await behindProxy.stop();
  await Promise.all([t.database.drop(), proxied.database.drop()]);
});

function expectThrottled(reply: HttpReply): void {
  expect(reply.status).toBe(429);
  expect(Number(reply.headers["retry-after"])).toBeGreaterThanOrEqual(50);
  expect(reply.body).toMatchObject({ errors: [{ status: "429", code: "TOO_MANY_REQUESTS" }] });
}

describe("login throttling", () => {
  test("guessing a user's password from address A blocks A, not the user signing in from B", async () => {
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push(await loginFrom(http, "127.0.10.1", "victim", `guess${i}`));
    expect(replies.slice(0, 3).map((r) => r.status)).toEqual([401, 401, 401]);
    for (const r of replies.slice(3)) expectThrottled(r);
    // The right password from A is refused too while A is blocked: the attacker learns nothing.
    expectThrottled(await loginFrom(http, "127.0.10.1", "victim", "p"));
    expect((await loginFrom(http, "127.0.10.2", "victim", "p")).status).toBe(200);
  });

  test("one password sprayed over 50 usernames from one address is stopped with 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const reply = await loginFrom(http, "127.0.20.1", `user${i}`, "Winter2026!");
      if (reply.status === 429) expectThrottled(reply);
      statuses.push(reply.status);
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40);
    // Other clients are not affected by that address's spray.
    expect((await loginFrom(http, "127.0.20.2", "s1", "p")).status).toBe(200);
  });

  test("without configured proxies a client's own X-Forwarded-For does not get it past the limit", async () => {
    for (let i = 0; i < 3; i++) expect((await loginFrom(http, "127.0.30.1", "s1", `nope${i}`)).status).toBe(401);
    for (let i = 0; i < 3; i++) {
      expectThrottled(await loginFrom(http, "127.0.30.1", "s1", `nope${i}`, { "x-forwarded-for": `203.0.113.${i}` }));
    }
  });

  test("behind one trusted proxy the entry the proxy appended names the client, not the ones before it", async () => {
    const viaProxy = (client: string, password: string, spoofed = "198.51.100.7") =>
      loginFrom(behindProxy, "127.0.40.1", "s1", password, { "x-forwarded-for": `${spoofed}, ${client}` });
    for (let i = 0; i < 3; i++) expect((await viaProxy("192.0.2.1", `x${i}`, `198.51.100.${i}`)).status).toBe(401);
    expectThrottled(await viaProxy("192.0.2.1", "p", "198.51.100.99"));
    expect((await viaProxy("192.0.2.2", "p")).status).toBe(200);
  });
});
