/** Builds the Northwind app in-process over a cloned test database, and logs in as demo users. */
import pino from "pino";
import { createApp, type AppDeps } from "../../src/app";
import { createKafkaHealth } from "../../src/engine/kafka/kafka-health";
import { createLoginLimiter } from "../../src/engine/security/login-limiter";
import { createTokenService, type TokenOptions, type TokenService } from "../../src/engine/security/tokens";
import { cloneDatabase, type TestDatabase } from "./test-database";

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

export const TEST_TOKEN_OPTIONS: TokenOptions = {
  algorithm: "HS256", secret: "test-secret-test-secret-test-secret-0123", issuer: "northwind",
  audience: "northwind-api", ttlSeconds: 900, clockToleranceSeconds: 5,
};

export function kafkaBrokers(): string[] | undefined {
  return process.env.KAFKA_BROKERS?.split(",");
}

export interface TestApp { app: ReturnType<typeof createApp>; database: TestDatabase; tokens: TokenService }

export type TestAppOptions = Pick<AppDeps, "maxBodyBytes" | "trustedProxies" | "tokenVersionCacheSeconds" | "loginLimiter">;

export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = await cloneDatabase();
  const tokens = await createTokenService(TEST_TOKEN_OPTIONS);
  const app = createApp({ database, kafka: createKafkaHealth(kafkaBrokers()), logger: silentLogger, tokens,
    loginLimiter: createLoginLimiter(), ...opts });
  return { app, database, tokens };
}

const tokenCache = new WeakMap<TestApp, Map<string, string>>();

/** A bearer token for a demo user (password "p"), obtained through the real login route. */
export async function tokenFor(t: TestApp, user: string): Promise<string> {
  const cache = tokenCache.get(t) ?? new Map<string, string>();
  tokenCache.set(t, cache);
  const cached = cache.get(user);
  if (cached) return cached;
  const res = await t.app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: user, password: "p" }) });
  if (res.status !== 200) throw new Error(`login as ${user} failed: ${res.status} ${await res.text()}`);
  const token = ((await res.json()) as { access_token: string }).access_token;
  cache.set(user, token);
  return token;
}

export async function authAs(t: TestApp, user: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(t, user)}` };
}

export const asPartner = (t: TestApp) => authAs(t, "partner");
