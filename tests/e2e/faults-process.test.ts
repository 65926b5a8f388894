/**
 * Process-level faults under B2B load, on real processes (Northwind, relay and
 * Shipping spawned against a Postgres of this file's own and the test broker):
 * Postgres stopped fast and immediate, the relay and Shipping's consumer killed
 * with SIGKILL, transactions left open elsewhere. After each, SQL checks that
 * every acknowledged order is in Northwind and exactly once in Shipping, nothing
 * is pending or dead-lettered, and every process is alive and healthy.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { b2bLoad, login, type LoadResult } from "../support/b2b-load";
import { deadLetterCount, startFaultCluster, type FaultCluster, type ProcessName } from "../support/fault-cluster";
import { kafkaBrokers } from "../support/test-app";

let cluster: FaultCluster;
let token: string;
let customers: string[];

beforeAll(async () => {
  const brokers = kafkaBrokers();
  if (!brokers) throw new Error("KAFKA_BROKERS is unset: the test runner starts a broker");
  cluster = await startFaultCluster(brokers);
  token = await login(cluster.northwindUrl, "partner");
  // Six customers, one per load worker, known to Shipping as well (its seed has only ALFKI).
  customers = (await cluster.northwind.sql`select id from customer order by id limit 6`).map((r) => String(r.id));
  await cluster.shipping.sql`insert into customers (name, credit_limit)
    select unnest(${customers}::text[]), 99999999 on conflict (name) do nothing`;
}, 120_000);

afterAll(async () => { await cluster?.stop(); }, 60_000);

const PROCESSES: ProcessName[] = ["northwind", "relay", "shipping"];

async function lastOrderId(): Promise<number> {
  const [row] = await cluster.northwind.sql`select coalesce(max(id), 0)::int as id from "order"`;
  return row!.id as number;
}

function load(durationMs: number): Promise<LoadResult> {
  return b2bLoad({ url: cluster.northwindUrl, token, customers, durationMs, maxOrders: 600, pauseMs: 10 });
}

/** Waits until the outbox is empty and Shipping holds as many orders as Northwind committed since `since`. */
async function settle(since: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const [nw] = await cluster.northwind.sql`select (select count(*)::int from outbox where delivered_at is null) as pending,
      (select count(*)::int from "order" where id > ${since} and ready) as committed`;
    const [sh] = await cluster.shipping.sql`select count(*)::int as n from orders where nw_ref_id > ${since}`;
    if (nw!.pending === 0 && sh!.n >= nw!.committed) return;
    await Bun.sleep(100);
  }
}

/** Milliseconds from `at` to the first delivery by the relay and the first message applied by Shipping after it. */
async function firstWorkAfter(at: number): Promise<{ relayMs: number | null; consumerMs: number | null }> {
  const [relay] = await cluster.northwind.sql`select (extract(epoch from min(delivered_at)) * 1000)::float8 as t
    from outbox where delivered_at > to_timestamp(${at / 1000})`;
  const [consumer] = await cluster.shipping.sql`select (extract(epoch from min(received_at)) * 1000)::float8 as t
    from inbox where received_at > to_timestamp(${at / 1000})`;
  const ms = (t: unknown) => (t === null || t === undefined ? null : Math.round(Number(t) - at));
  return { relayMs: ms(relay?.t), consumerMs: ms(consumer?.t) };
}

/** The checks every scenario ends with: nothing acknowledged lost, nothing delivered twice, all alive. */
async function verify(label: string, since: number, result: LoadResult, extra: Record<string, unknown> = {}): Promise<void> {
  await settle(since);
  const ids = result.acknowledged;
  const inNorthwind = await cluster.northwind.sql`select count(*)::int as n from "order" where id = any(${ids}::int[])`;
  const committed = (await cluster.northwind.sql`select id from "order" where id > ${since} and ready`).map((r) => Number(r.id));
  const shipped = await cluster.shipping.sql`select o.nw_ref_id, count(distinct o.order_id)::int as copies, count(i.item_id)::int as items
    from orders o left join items i on i.order_id = o.order_id where o.nw_ref_id = any(${committed}::int[]) group by o.nw_ref_id`;
  const [outbox] = await cluster.northwind.sql`select count(*)::int as pending from outbox where delivered_at is null`;
  const dlq = await deadLetterCount(cluster);
  const health = await Promise.all([`${cluster.northwindUrl}/health`, `${cluster.shippingUrl}/health`, cluster.relayHealthUrl]
    .map((url) => fetch(url).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string } }))));
  console.log(`[faults] ${label}: ${JSON.stringify({ sent: result.sent, acknowledged: ids.length, unavailable503: result.unavailable,
    statuses: result.statuses, dropped: result.dropped, committed: committed.length, shipped: shipped.length, ...extra })}`);

  expect(result.samples).toEqual([]);
  expect(result.dropped).toBe(0);
  expect(Object.keys(result.statuses).filter((s) => s !== "201" && s !== "503")).toEqual([]);
  expect(result.unavailableWithoutRetryAfter).toBe(0);
  expect(ids.length).toBeGreaterThan(0);
  expect(inNorthwind[0]!.n).toBe(ids.length);
  expect(new Set(committed).size).toBe(committed.length);
  for (const id of ids) expect(committed).toContain(id);
  expect(shipped.length).toBe(committed.length);
  expect(shipped.filter((r) => r.copies !== 1 || r.items !== 2)).toEqual([]);
  expect(outbox!.pending).toBe(0);
  expect(dlq).toBe(0);
  for (const name of PROCESSES) expect(cluster.exited(name)).toBeUndefined();
  expect(health.map((h) => [h.status, h.body.status])).toEqual([[200, "ok"], [200, "ok"], [200, "ok"]]);
}

describe("faults under B2B load", () => {
  for (const mode of ["fast", "immediate"] as const) {
    test(`Postgres stopped (${mode}) for 2 s and started again: 503 with Retry-After meanwhile, all back within 5 s`, async () => {
      const since = await lastOrderId();
      const running = load(8000);
      await Bun.sleep(1500);
      await cluster.stopPostgres(mode);
      await Bun.sleep(500);
      const downHealth = await Promise.all([`${cluster.northwindUrl}/health`, cluster.relayHealthUrl, `${cluster.shippingUrl}/health`]
        .map((url) => { const t0 = Date.now(); return fetch(url).then((r) => r.status, (e) => `${String(e)} after ${Date.now() - t0} ms`); }));
      await Bun.sleep(1500);
      await cluster.startPostgres();
      const backAt = Date.now();
      const result = await running;
      const apiMs = Math.min(...result.acknowledgedAt.filter((t) => t > backAt)) - backAt;
      const work = await firstWorkAfter(backAt);
      await verify(`postgres ${mode}`, since, result, { recoveryMs: { api: apiMs, ...work }, healthWhileDown: downHealth });
      expect(result.unavailable).toBeGreaterThan(0);
      if (downHealth[0] !== 503) console.log(cluster.log("northwind").slice(-4000));
      expect(downHealth).toEqual([503, 503, 503]);
      expect(apiMs).toBeLessThan(5000);
      expect(work.relayMs).not.toBeNull();
      expect(work.relayMs!).toBeLessThan(5000);
      expect(work.consumerMs).not.toBeNull();
      expect(work.consumerMs!).toBeLessThan(5000);
    }, 90_000);
  }

  for (const name of ["relay", "shipping"] as const) {
    test(`the ${name === "relay" ? "relay" : "consumer (Shipping)"} killed with SIGKILL mid-stream and restarted: nothing lost, nothing twice`, async () => {
      const since = await lastOrderId();
      const running = load(5000);
      await Bun.sleep(1500);
      await cluster.kill(name, "SIGKILL");
      await Bun.sleep(1000);
      cluster.spawn(name);
      const restartedAt = Date.now();
      const result = await running;
      await settle(since);
      const work = await firstWorkAfter(restartedAt);
      await verify(`${name} SIGKILL`, since, result, { recoveryMs: work });
      expect(name === "relay" ? work.relayMs : work.consumerMs).not.toBeNull();
    }, 90_000);
  }

  test("transactions left open elsewhere delay delivery by about a second at most", async () => {
    const since = await lastOrderId();
    // One in another database (the cluster-wide snapshot xmin used to stall the relay on it), one
    // in Northwind with a transaction id but no outbox row, and one outbox writer left open.
    const otherDb = await cluster.shipping.sql.reserve();
    const sameDb = await cluster.northwind.sql.reserve();
    const writer = await cluster.northwind.sql.reserve();
    await otherDb`begin`;
    await otherDb`select pg_current_xact_id()`;
    await sameDb`begin`;
    await sameDb`select pg_current_xact_id()`;
    await writer`begin`;
    await writer`insert into outbox (aggregate_type, aggregate_id, type, topic, payload) values ('Probe', 'p', 'Probe', 'fault_probe', '{}')`;
    const running = load(5000);
    await Bun.sleep(4000);
    await writer`commit`;
    const result = await running;
    await sameDb`commit`;
    await otherDb`commit`;
    for (const r of [otherDb, sameDb, writer]) r.release();
    await settle(since);
    // From the moment the order was acknowledged (committed) to the moment Kafka acknowledged its message.
    const deliveredAt = new Map((await cluster.northwind.sql`select aggregate_id::int as id,
        (extract(epoch from delivered_at) * 1000)::float8 as t from outbox
      where aggregate_type = 'Order' and aggregate_id = any(${result.acknowledged.map(String)}::text[])`)
      .map((r) => [Number(r.id), Number(r.t)]));
    const delays = result.acknowledged.map((id, i) => Math.max(0, deliveredAt.get(id)! - result.acknowledgedAt[i]!))
      .sort((a, b) => a - b);
    const [probe] = await cluster.northwind.sql`select delivered_at is not null as delivered from outbox where aggregate_type = 'Probe'`;
    const p50 = Math.round(delays[Math.floor(delays.length / 2)] ?? 0);
    const max = Math.round(delays.at(-1) ?? 0);
    await verify("open transactions", since, result, { deliveryDelayMs: { p50, max, rows: delays.length } });
    expect(probe?.delivered).toBe(true);
    expect(max).toBeLessThan(2500);
  }, 90_000);
});
