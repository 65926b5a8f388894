/**
 * The relay survives a Postgres restart: its leader lock and pool reconnect,
 * and orders committed after the restart are delivered. Uses a Postgres server
 * of its own, since the shared test server cannot be restarted under other files.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { createDatabase, ensureDatabaseExists, type Database } from "../../src/engine/db/database";
import { scratchDir, startEmbeddedPostgres, type EmbeddedPostgresServer } from "../../src/engine/db/embedded-postgres";
import { createOutboxHealth } from "../../src/engine/outbox/outbox-store";
import { createRelay } from "../../src/engine/outbox/relay";
import { prepareNorthwindDatabase } from "../../src/northwind/database";
import { collect } from "../support/kafka";
import { kafkaBrokers, silentLogger } from "../support/test-app";

let dir: string;
let pg: EmbeddedPostgresServer;
let db: Database;

beforeAll(async () => {
  dir = scratchDir("relay-restart-");
  pg = await startEmbeddedPostgres({ baseDir: join(dir, "pg") });
  await ensureDatabaseExists(pg.adminUrl, "northwind");
  db = createDatabase({ url: pg.urlFor("northwind"), max: 4 });
  await prepareNorthwindDatabase(db);
}, 60_000);

afterAll(async () => {
  await db?.close();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function placeOrder(): Promise<number> {
  return db.sql.begin(async (tx) => {
    const [o] = await tx`insert into "order" (customer_id, employee_id, ready) values ('ANATR', 5, true) returning id`;
    await tx`insert into order_detail (order_id, product_id, quantity) values (${o!.id}, 1, 1)`;
    return o!.id as number;
  });
}

test("Postgres restarts under a running relay; later orders are still delivered", async () => {
  const brokers = kafkaBrokers()!;
  const prefix = `restart-${crypto.randomUUID().slice(0, 8)}.`;
  const relay = createRelay({ sql: db.sql, databaseUrl: pg.urlFor("northwind"), brokers, logger: silentLogger, topicPrefix: prefix,
    topics: ["order_shipping"], pollIntervalMs: 200, maxBackoffMs: 500 });
  await relay.start();
  const health = createOutboxHealth(db.sql);
  const first = await placeOrder();
  for (let i = 0; i < 100 && (await health.pending()).count > 0; i++) await Bun.sleep(100);
  expect((await health.pending()).count).toBe(0);

  await pg.stop();
  await Bun.sleep(1000);
  pg = await startEmbeddedPostgres({ baseDir: join(dir, "pg"), port: pg.port });

  let second = 0;
  for (let i = 0; i < 50 && second === 0; i++) {
    second = await placeOrder().catch(async () => { await Bun.sleep(200); return 0; });
  }
  for (let i = 0; i < 150 && (await health.pending().catch(() => ({ count: 1 }))).count > 0; i++) await Bun.sleep(100);
  expect((await health.pending()).count).toBe(0);
  await relay.stop();
  const got = await collect(brokers, `${prefix}order_shipping`, (r) => r.length >= 2);
  expect(got.map((m) => Number(m.key))).toEqual([first, second]);
}, 60_000);
