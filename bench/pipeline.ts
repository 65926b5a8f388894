/**
 * `bun run bench:pipeline`: 5,000 B2B orders posted over HTTP (16 at a time) to
 * a real Northwind server, relayed through a real Kafka broker to Shipping.
 * Prints orders/s at the endpoint, relay messages/s, and commit→Shipping-row
 * latency p50/p99. Starts its own embedded Postgres and local Kafka.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { createApp } from "../src/app";
import { createDatabase, ensureDatabaseExists } from "../src/engine/db/database";
import { scratchDir, startEmbeddedPostgres } from "../src/engine/db/embedded-postgres";
import { startLocalKafka } from "../src/engine/kafka/local-kafka";
import { createKafkaHealth } from "../src/engine/kafka/kafka-health";
import { createRelay } from "../src/engine/outbox/relay";
import { createTokenService } from "../src/engine/security/tokens";
import { prepareNorthwindDatabase } from "../src/northwind/database";
import { RELAY_TOPICS } from "../src/northwind/publish";
import { prepareShippingDatabase } from "../shipping/database";
import { createOrderConsumer } from "../shipping/order-consumer";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 5000);
const CONCURRENCY = 16;
const CUSTOMERS = 16;
const logger = pino({ level: "warn" });
const say = (line: string) => console.log(line);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function main(): Promise<void> {
  const dir = scratchDir("bench-pipeline-");
  say(`bench:pipeline: ${ORDERS} orders, concurrency ${CONCURRENCY}; starting Postgres and Kafka…`);
  const pg = await startEmbeddedPostgres({ baseDir: join(dir, "pg") });
  const kafka = await startLocalKafka({ dataDir: join(dir, "kafka") });
  const brokers = kafka.brokers;
  await ensureDatabaseExists(pg.adminUrl, "northwind");
  await ensureDatabaseExists(pg.adminUrl, "shipping");
  const nw = createDatabase({ url: pg.urlFor("northwind"), max: 20 });
  const ship = createDatabase({ url: pg.urlFor("shipping"), max: 10 });
  await prepareNorthwindDatabase(nw);
  await prepareShippingDatabase(ship);
  // Orders spread over customers known to both services, each with room for every order
  // (orders of one customer serialise on its balance row, by design).
  const customers = (await nw.sql<{ id: string }[]>`select id from customer order by id limit ${CUSTOMERS}`).map((r) => r.id);
  await nw.sql`update customer set credit_limit = 1e9 where id = any(${customers})`;
  await ship.sql`insert into customers (name, credit_limit) select unnest(${customers}::text[]), 1e9
                 on conflict (name) do update set credit_limit = 1e9`;
  const tokens = await createTokenService({ algorithm: "HS256", secret: "bench-secret-bench-secret-bench-secret-1",
    issuer: "northwind", audience: "northwind-api", ttlSeconds: 3600, clockToleranceSeconds: 5 });
  const app = createApp({ database: nw, kafka: createKafkaHealth(brokers), logger, tokens });
  const server = Bun.serve({ port: 0, fetch: app.fetch });
  const relay = createRelay({ sql: nw.sql, databaseUrl: pg.urlFor("northwind"), brokers, logger, topics: RELAY_TOPICS, pollIntervalMs: 100 });
  const consumer = createOrderConsumer({ database: ship, brokers, logger });
  await relay.start();
  await consumer.start();
  const { token } = await tokens.sign({ sub: "partner", roles: ["partner"] });
  const url = `http://127.0.0.1:${server.port}/api/ServicesEndPoint/OrderB2B`;
  const bodyFor = (n: number) => JSON.stringify({ AccountId: customers[n % customers.length], Surname: "Buchanan",
    Given: "Steven", Items: [{ ProductName: "Chai", QuantityOrdered: 1 }, { ProductName: "Chang", QuantityOrdered: 2 }] });
  const committed = new Map<number, number>();
  const seen = new Map<number, number>();
  let polling = true;
  let relayDoneAt = 0;
  let posting = true;
  const poller = (async () => {
    let last = 0;
    while (polling) {
      if (!posting && relayDoneAt === 0) {
        const [pending] = await nw.sql<{ n: number }[]>`select count(*)::int as n from outbox where delivered_at is null`;
        if (pending!.n === 0) relayDoneAt = performance.now();
      }
      // Shipping's own serial order_id grows with arrival, whatever order the refs come in.
      const rows = await ship.sql<{ id: number; ref: number }[]>`
        select order_id as id, nw_ref_id as ref from orders where order_id > ${last} order by order_id`;
      const now = performance.now();
      for (const r of rows) { if (r.ref !== null) seen.set(r.ref, now); last = Math.max(last, r.id); }
      await Bun.sleep(20);
    }
  })();

  const started = performance.now();
  let next = 0;
  let failures = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < ORDERS) {
      const body = bodyFor(next++);
      const res = await fetch(url, { method: "POST", body,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` } });
      if (res.status !== 201) { failures++; await res.text(); continue; }
      const { order } = await res.json() as { order: { Id: number } };
      committed.set(order.Id, performance.now());
    }
  }));
  const postSeconds = (performance.now() - started) / 1000;
  posting = false;
  const deadline = performance.now() + 120_000;
  while (seen.size < committed.size && performance.now() < deadline) await Bun.sleep(100);
  const allSeconds = (performance.now() - started) / 1000;
  polling = false;
  await poller;

  const latencies = [...committed].filter(([id]) => seen.has(id)).map(([id, t]) => seen.get(id)! - t).sort((a, b) => a - b);
  const [delivered] = await nw.sql`select count(*)::int as n from outbox where delivered_at is not null`;
  const relaySeconds = ((relayDoneAt || performance.now()) - started) / 1000;
  say("");
  say(`endpoint:  ${(committed.size / postSeconds).toFixed(0)} orders/s (${committed.size} placed, ${failures} failed, ${postSeconds.toFixed(1)} s)`);
  say(`relay:     ${(delivered!.n / relaySeconds).toFixed(0)} messages/s (${delivered!.n} delivered to Kafka ${relaySeconds.toFixed(1)} s after the first POST)`);
  say(`shipping:  ${(seen.size / allSeconds).toFixed(0)} orders/s (${seen.size} of ${committed.size} arrived ${allSeconds.toFixed(1)} s after the first POST)`);
  say(`latency commit→Shipping row: p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms`);

  await consumer.stop();
  await relay.stop();
  await server.stop(true);
  await nw.close();
  await ship.close();
  await kafka.stop();
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}

await main();
process.exit(0);
