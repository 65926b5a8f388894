/**
 * Test databases: the test runner migrates and seeds one template database;
 * each test file clones it (CREATE DATABASE … TEMPLATE), so files never share state.
 */
import postgres from "postgres";
import { createDatabase, type Database } from "../../src/engine/db/database";
import { quoteIdent } from "../../src/engine/sql/quote";

export const TEMPLATE_DATABASE = "northwind_template";
export const SHIPPING_TEMPLATE_DATABASE = "shipping_template";

export interface TestDatabase extends Database {
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_ADMIN_URL;
  if (!url) throw new Error("TEST_DATABASE_ADMIN_URL is unset: run the suite with `bun run test`");
  return url;
}

export async function cloneDatabase(template = TEMPLATE_DATABASE): Promise<TestDatabase> {
  const name = `t_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const database = createDatabase({ url: url.toString(), max: 10 });
  return {
    ...database,
    url: url.toString(),
    name,
    async drop() {
      await database.close();
      const a = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`);
      } finally {
        await a.end({ timeout: 5 });
      }
    },
  };
}
