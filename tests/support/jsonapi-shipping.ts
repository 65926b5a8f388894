/**
 * Fixture setup for Shipping resources: its app in-process over a cloned
 * Shipping database, verifying tokens signed like Northwind's test tokens
 * (the shared-secret setup), every suite request authenticated as the admin.
 */
import { createShippingApp } from "../../shipping/app";
import { createKafkaHealth } from "../../src/engine/kafka/kafka-health";
import { createTokenService, type TokenService } from "../../src/engine/security/tokens";
import type { JsonApiApp } from "./jsonapi-client";
import { withHeaders } from "./jsonapi-northwind";
import { silentLogger, TEST_TOKEN_OPTIONS } from "./test-app";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "./test-database";

/** The claims Northwind's login gives the demo users (roles from app_user_role). */
export const DEMO_CLAIMS = {
  admin: { sub: "admin", roles: ["sa"] },
  s1: { sub: "s1", roles: ["sales"] },
  ALFKI: { sub: "ALFKI", roles: ["customer", "tenant"], customer_id: "ALFKI" },
  partner: { sub: "partner", roles: ["partner"] },
} as const;

export type DemoUser = keyof typeof DEMO_CLAIMS;

export interface ShippingTestApp { app: ReturnType<typeof createShippingApp>; tokens: TokenService }

/** `northwindUrl` is where login is forwarded; nothing listens on the default. */
export async function createShippingTestApp(database: TestDatabase, northwindUrl = "http://127.0.0.1:9"): Promise<ShippingTestApp> {
  const tokens = await createTokenService(TEST_TOKEN_OPTIONS);
  const app = createShippingApp({ database, kafka: createKafkaHealth(undefined), logger: silentLogger, tokens, northwindUrl });
  return { app, tokens };
}

export async function bearer(tokens: TokenService, user: DemoUser): Promise<Record<string, string>> {
  const claims = DEMO_CLAIMS[user];
  const { token } = await tokens.sign({ ...claims, roles: [...claims.roles] });
  return { authorization: `Bearer ${token}` };
}

/** The sample has one order; the suite needs a few to filter, sort and page, so `orders` more are added. */
export async function shippingSetup(orders = 0, user: DemoUser = "admin"): Promise<{ app: JsonApiApp; teardown(): Promise<void> }> {
  const database = await cloneDatabase(SHIPPING_TEMPLATE_DATABASE);
  for (let i = 1; i <= orders; i++) {
    await database.sql`insert into orders (customer_id, notes, nw_ref_id) values
      (${1 + (i % 5)}, ${i % 3 === 0 ? null : `Order note ${i % 2 === 0 ? "Alpha" : "beta"}`}, ${10_000 + i})`;
  }
  const { app, tokens } = await createShippingTestApp(database);
  return { app: withHeaders(app, await bearer(tokens, user)), teardown: () => database.drop() };
}
