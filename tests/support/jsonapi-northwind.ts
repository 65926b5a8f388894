/**
 * Fixture setup for Northwind resources: the app in-process over a cloned
 * database, every request authenticated as a user (default: the admin, who
 * sees every row), so the suite runs through the same bearer auth and RLS.
 */
import type { JsonApiApp } from "./jsonapi-client";
import { authAs, createTestApp } from "./test-app";

/** An app whose requests all carry `headers` (e.g. Authorization). */
export function withHeaders(app: JsonApiApp, headers: Record<string, string>): JsonApiApp {
  return {
    request: (input, init = {}) => app.request(input, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } }),
  };
}

export async function northwindSetup(user = "admin"): Promise<{ app: JsonApiApp; teardown(): Promise<void> }> {
  const t = await createTestApp();
  return { app: withHeaders(t.app, await authAs(t, user)), teardown: () => t.database.drop() };
}
