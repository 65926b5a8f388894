/**
 * Local services belong to their checkout. Two embedded Postgres clusters and
 * two local Kafka brokers (real ones, from the real helpers) stand for two
 * checkouts: when checkout A's server stops and B's takes over its port, A's
 * clients, reconnecting, are refused by B, so A never writes B's database or
 * consumes B's orders.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import postgres from "postgres";
import { createOrderConsumer } from "../../shipping/order-consumer";
import { scratchDir, startEmbeddedPostgres } from "../../src/engine/db/embedded-postgres";
import { saslOption, type KafkaSasl } from "../../src/engine/kafka/kafka-auth";
import { createKafkaHealth } from "../../src/engine/kafka/kafka-health";
import { canRunLocalKafka, startLocalKafka } from "../../src/engine/kafka/local-kafka";
import { silentLogger } from "../support/test-app";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE } from "../support/test-database";
import { waitUntil } from "../support/wait";

const dirs: string[] = [];
const scratch = (name: string) => { const d = scratchDir(`iso-${name}-`); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const sqlError = (p: Promise<unknown>) => p.then(() => "connected", (e: { code?: string }) => e.code ?? String(e));

describe("embedded Postgres", () => {
  test("each cluster has its own password: A's pool is refused when B's server takes A's port", async () => {
    const a = await startEmbeddedPostgres({ baseDir: scratch("pg-a") });
    const poolA = postgres(a.urlFor("postgres"), { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      expect(await sqlError(poolA`select 1`)).toBe("connected");
      const port = a.port;
      await a.stop();
      const b = await startEmbeddedPostgres({ baseDir: scratch("pg-b"), port });
      try {
        expect(new URL(b.urlFor("postgres")).password).not.toBe(new URL(a.urlFor("postgres")).password);
        // 28P01 invalid_password: the server of the other checkout authenticates every connection.
        expect(await sqlError(poolA`select 1`)).toBe("28P01");
        const byB = postgres(b.urlFor("postgres"), { max: 1, onnotice: () => {} });
        expect(await sqlError(byB`select 1`)).toBe("connected");
        await byB.end();
      } finally {
        await b.stop();
      }
    } finally {
      await poolA.end({ timeout: 1 });
    }
  }, 60_000);

  test("a cluster made with the old shared password gets its own on the next start", async () => {
    const baseDir = scratch("pg-legacy");
    const first = await startEmbeddedPostgres({ baseDir });
    const admin = postgres(first.urlFor("postgres"), { max: 1, onnotice: () => {} });
    await admin`alter role postgres password 'postgres'`;
    await admin.end();
    await first.stop();
    rmSync(join(baseDir, "password"));
    const again = await startEmbeddedPostgres({ baseDir, port: first.port });
    try {
      expect(existsSync(join(baseDir, "password"))).toBe(true);
      const legacy = postgres(`postgres://postgres:postgres@127.0.0.1:${again.port}/postgres`, { max: 1, onnotice: () => {} });
      expect(await sqlError(legacy`select 1`)).toBe("28P01");
      await legacy.end();
      const own = postgres(again.urlFor("postgres"), { max: 1, onnotice: () => {} });
      expect(await sqlError(own`select 1`)).toBe("connected");
      await own.end();
    } finally {
      await again.stop();
    }
  }, 60_000);
});

function orderMessage(nwId: number): string {
  return JSON.stringify({ Order: { Id: nwId, CustomerId: "ALFKI", Items: [{ ProductName: "Chai", Quantity: 1 }] } });
}

async function produce(brokers: string[], sasl: KafkaSasl | undefined, topic: string, id: string, value: string) {
  const producer = new Kafka({ clientId: "iso-test", brokers, logLevel: logLevel.NOTHING, ...saslOption(sasl) }).producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ key: id, value, headers: { "message-id": id } }] });
  await producer.disconnect();
}

describe.skipIf(!canRunLocalKafka())("local Kafka", () => {
  test("A's consumer, reconnecting to B's broker on A's old port, is refused and consumes none of B's orders", async () => {
    const db = await cloneDatabase(SHIPPING_TEMPLATE_DATABASE);
    const a = await startLocalKafka({ dataDir: join(scratch("kafka-a"), "kafka"), authenticate: true });
    const topic = "iso_orders";
    const consumer = createOrderConsumer({ database: db, brokers: a.brokers, sasl: a.sasl, logger: silentLogger,
      groupId: "iso-shipping", topic, deadLetterTopic: `${topic}.DLQ` });
    const refs = async () => (await db.sql<{ ref: number }[]>`select nw_ref_id as ref from orders where nw_ref_id >= 70000
      order by 1`).map((r) => r.ref);
    let b: Awaited<ReturnType<typeof startLocalKafka>> | undefined;
    try {
      await consumer.start();
      await produce(a.brokers, a.sasl, topic, "a-1", orderMessage(70001));
      await waitUntil(async () => (await refs()).includes(70001), 30_000, "A's order consumed");
      // Without A's credentials, A's broker refuses too.
      await expect(createKafkaHealth(a.brokers).check()).rejects.toThrow();
      await a.stop();
      const port = Number(a.brokers[0]!.split(":")[1]);
      b = await startLocalKafka({ dataDir: join(scratch("kafka-b"), "kafka"), port, authenticate: true });
      expect(b.brokers).toEqual(a.brokers);
      expect(b.sasl!.password).not.toBe(a.sasl!.password);
      await produce(b.brokers, b.sasl, topic, "b-1", orderMessage(70002));
      await expect(createKafkaHealth(a.brokers, a.sasl).check()).rejects.toThrow(/SASL|[Aa]uthenticat/);
      expect(await createKafkaHealth(b.brokers, b.sasl).check()).toBe(true);
      // A's consumer keeps retrying against the same address; give it time to (not) pick B's order up.
      await Bun.sleep(5_000);
      expect(await refs()).toEqual([70001]);
    } finally {
      await consumer.stop();
      await b?.stop();
      await a.stop();
      await db.drop();
    }
  }, 180_000);
});
