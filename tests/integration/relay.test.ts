/**
 * The outbox relay against real Postgres and a real Kafka broker: order,
 * headers, leader lock, and broker-down recovery with nothing lost or doubled.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relayHealth } from "../../src/engine/outbox/relay-health";
import { createRelay, type Relay } from "../../src/engine/outbox/relay";
import { createOutboxHealth } from "../../src/engine/outbox/outbox-store";
import { startLocalKafka } from "../../src/engine/kafka/local-kafka";
import { freePort } from "../../src/engine/net/free-port";
import { collect } from "../support/kafka";
import { waitUntil } from "../support/wait";
import { silentLogger } from "../support/test-app";
import { cloneDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
const brokers = () => {
  const b = process.env.KAFKA_BROKERS;
  if (!b) throw new Error("KAFKA_BROKERS is unset: run with `bun run test`");
  return b.split(",");
};

beforeAll(async () => { db = await cloneDatabase(); });
afterAll(async () => { await db.drop(); });

/** Commits `n` Ready orders (one item each) as a plain SQL writer; returns their ids. */
async function commitOrders(n: number, customer = "ANATR"): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(await db.sql.begin(async (tx) => {
      const [o] = await tx`insert into "order" (customer_id, employee_id, ready) values (${customer}, 5, true) returning id`;
      await tx`insert into order_detail (order_id, product_id, quantity) values (${o!.id}, 1, 1)`;
      return o!.id as number;
    }));
  }
  return ids;
}


describe("outbox relay", () => {
  test("delivers committed messages in order, keyed by order id, with message-id headers", async () => {
    const topic = "order_shipping";
    await db.sql`update outbox set topic = ${topic}`;
    const relay = createRelay({ sql: db.sql, databaseUrl: db.url, brokers: brokers(), logger: silentLogger, topics: [topic], pollIntervalMs: 200 });
    const ids = await commitOrders(5);
    await relay.start();
    const health = createOutboxHealth(db.sql);
    await waitUntil(async () => (await health.pending()).count === 0);
    await relay.stop();
    const outbox = await db.sql`select id::text, aggregate_id from outbox where aggregate_id = any(${ids.map(String)}) order by seq`;
    const wanted = new Set(outbox.map((r) => r.id as string));
    const got = await collect(brokers(), topic, (r) => r.filter((m) => wanted.has(m.headers["message-id"]!)).length >= 5);
    const ours = got.filter((m) => wanted.has(m.headers["message-id"]!));
    expect(ours.map((m) => m.key)).toEqual(ids.map(String));
    expect(ours.map((m) => m.headers["message-id"])).toEqual(outbox.map((r) => r.id));
    const first = JSON.parse(ours[0]!.value) as { Order: { Id: number; Items: unknown[] } };
    expect(first.Order.Id).toBe(ids[0]!);
    expect(first.Order.Items).toHaveLength(1);
    expect(ours[0]!.headers.type).toBe("OrderShipping");
  });

  test("a second relay waits as standby while the first holds the lock", async () => {
    const a = createRelay({ sql: db.sql, databaseUrl: db.url, brokers: brokers(), logger: silentLogger, pollIntervalMs: 100 });
    const b = createRelay({ sql: db.sql, databaseUrl: db.url, brokers: brokers(), logger: silentLogger, pollIntervalMs: 100 });
    await a.start();
    await waitUntil(async () => a.isLeader);
    await b.start();
    await Bun.sleep(500);
    expect(b.isLeader).toBe(false);
    // Each relay's /health: the leader is ok, the standby is not (it delivers nothing).
    expect(await relayHealth(a, db.sql)).toMatchObject({ status: 200, body: { status: "ok", leader: true, database: { up: true } } });
    expect(await relayHealth(b, db.sql)).toMatchObject({ status: 503, body: { status: "standby", leader: false } });
    await a.stop();
    await waitUntil(async () => b.isLeader, 10_000);
    await b.stop();
  });

  test("/health of a leader that reaches the database but has delivered nothing while rows wait: stalled", async () => {
    await db.sql`insert into outbox (aggregate_type, aggregate_id, type, topic, payload, created_at)
      values ('Probe', 'stalled', 'T', 'stall_probe', '{}', now() - interval '60 seconds')`;
    const stuck: Relay = { start: async () => {}, stop: async () => {}, idle: async () => {}, isLeader: true,
      status: () => ({ running: true, leader: true, databaseUp: true, lastProgressAt: undefined, lastError: "Kafka: timeout" }) };
    try {
      expect(await relayHealth(stuck, db.sql)).toMatchObject({ status: 503,
        body: { status: "stalled", leader: true, outbox: { pending: 1 }, lastError: "Kafka: timeout" } });
      const recent: Relay = { ...stuck, status: () => ({ ...stuck.status(), lastProgressAt: Date.now() }) };
      expect((await relayHealth(recent, db.sql)).body.status).toBe("ok");
    } finally {
      await db.sql`delete from outbox where aggregate_id = 'stalled'`;
    }
  });

  test("broker down: 100 orders wait, then are all delivered exactly once when it starts", async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "relay-kafka-"));
    const down = [`127.0.0.1:${port}`];
    const topic = "order_shipping_outage";
    await db.sql`update outbox set delivered_at = now() where delivered_at is null`;
    const relay = createRelay({ sql: db.sql, databaseUrl: db.url, brokers: down, logger: silentLogger, topics: [topic],
      pollIntervalMs: 200, maxBackoffMs: 1000 });
    await relay.start();
    await db.sql`update customer set credit_limit = 1e7 where id = 'ALFKI'`;
    const ids = await commitOrders(100, "ALFKI");
    await db.sql`update outbox set topic = ${topic} where aggregate_id = any(${ids.map(String)})`;
    await Bun.sleep(1500);
    const health = createOutboxHealth(db.sql);
    expect((await health.pending()).count).toBe(100);
    const [tried] = await db.sql`select max(attempts)::int as attempts from outbox where delivered_at is null`;
    expect(tried?.attempts).toBeGreaterThan(0);
    const kafka = await startLocalKafka({ dataDir: join(dir, "kafka"), port });
    try {
      await waitUntil(async () => (await health.pending()).count === 0, 40_000);
      await relay.stop();
      const got = await collect(down, topic, (r) => r.length >= 100, 20_000);
      await Bun.sleep(500);
      expect(got).toHaveLength(100);
      expect(new Set(got.map((m) => m.headers["message-id"])).size).toBe(100);
      expect(got.map((m) => Number(m.key))).toEqual(ids);
    } finally {
      await relay.stop();
      await kafka.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
