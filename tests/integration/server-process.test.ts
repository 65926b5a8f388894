/**
 * The real entry point: `bun src/server.ts` started as a process on a test
 * database and a free port answers /health with the database and Kafka up,
 * and stops cleanly on SIGTERM.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import { freePort } from "../../src/engine/net/free-port";
import postgres from "postgres";
import { adminUrl, cloneDatabase, type TestDatabase } from "../support/test-database";

const SERVER = join(import.meta.dir, "../../src/server.ts");
let db: TestDatabase;
beforeAll(async () => { db = await cloneDatabase(); });
afterAll(async () => { await db.drop(); });

test("bun src/server.ts serves /health and exits 0 on SIGTERM", async () => {
  const port = await freePort();
  const proc = Bun.spawn([process.execPath, SERVER], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: db.url, LOG_LEVEL: "warn" },
    stdout: "pipe", stderr: "pipe",
  });
  let health: { status: string; database: { up: boolean }; kafka: { up: boolean } } | undefined;
  for (let i = 0; i < 100 && !health; i++) {
    health = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json() as never, () => undefined);
    if (!health) await Bun.sleep(100);
  }
  expect(health).toMatchObject({ status: "ok", database: { up: true }, kafka: { up: true } });
  proc.kill("SIGTERM");
  const code = await proc.exited;
  if (code !== 0) console.error(await new Response(proc.stderr).text(), await new Response(proc.stdout).text());
  expect(code).toBe(0);
}, 30_000);

test("production refuses to start while demo logins exist, unless allowed", async () => {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), DATABASE_URL: db.url, LOG_LEVEL: "warn", NODE_ENV: "production",
    JWT_SECRET: "production-secret-production-secret-1" };
  const refused = Bun.spawn([process.execPath, SERVER], { env, stdout: "pipe", stderr: "pipe" });
  expect(await refused.exited).toBe(1);
  expect(await new Response(refused.stderr).text()).toContain("demo logins with the sample password exist");
  const noSecret = Bun.spawn([process.execPath, SERVER], { env: { ...env, JWT_SECRET: "", ALLOW_DEMO_USERS: "true" },
    stdout: "pipe", stderr: "pipe" });
  expect(await noSecret.exited).toBe(1);
  expect(await new Response(noSecret.stderr).text()).toContain("JWT_SECRET: required in production");
  const allowed = Bun.spawn([process.execPath, SERVER], { env: { ...env, ALLOW_DEMO_USERS: "true" }, stdout: "pipe", stderr: "pipe" });
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    up = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (!up) await Bun.sleep(100);
  }
  allowed.kill("SIGTERM");
  expect(await allowed.exited).toBe(0);
  expect(up).toBe(true);
}, 30_000);

test("with DATABASE_URL naming a database that does not exist, start-up creates, migrates and seeds it", async () => {
  const name = `fresh_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const port = await freePort();
  const proc = Bun.spawn([process.execPath, SERVER], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: url.toString(), LOG_LEVEL: "warn" }, stdout: "pipe", stderr: "pipe",
  });
  let up = false;
  for (let i = 0; i < 200 && !up; i++) {
    up = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (!up) await Bun.sleep(100);
  }
  proc.kill("SIGTERM");
  await proc.exited;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    const fresh = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const [row] = await fresh`select count(*)::int as n, (select balance from customer where id = 'ALFKI') as alfki from customer`;
    await fresh.end();
    expect(up).toBe(true);
    expect(row).toEqual({ n: 95, alfki: "1748.00" });
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}, 40_000);
