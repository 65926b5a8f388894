/**
 * Shipping's order consumer on real Kafka and Postgres: maps messages to rows,
 * skips redelivered message ids, dead-letters poison and keeps going, and
 * survives a restart mid-stream without duplicate rows.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createOrderConsumer } from "../../shipping/order-consumer";
import { collect, kafkaClient } from "../support/kafka";
import { waitUntil } from "../support/wait";
import { silentLogger } from "../support/test-app";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
const brokers = () => process.env.KAFKA_BROKERS!.split(",");
beforeAll(async () => { db = await cloneDatabase(SHIPPING_TEMPLATE_DATABASE); });
afterAll(async () => { await db.drop(); });

function orderMessage(nwId: number, items = [{ ProductName: "Chai", Quantity: 1 }, { ProductName: "Chang", Quantity: 2 }]) {
  return JSON.stringify({ Order: { Id: nwId, Total: 56, "Order Date": "2026-11-28", CustomerId: "ALFKI",
    Items: items.map((i) => ({ OrderId: nwId, UnitPrice: 18, Amount: 18, UnitsInStock: 10, ...i })) } });
}

async function produce(topic: string, messages: { id: string; value: string }[]): Promise<void> {
  const producer = kafkaClient(brokers()).producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: messages.map((m) => ({ key: m.id, value: m.value, headers: { "message-id": m.id } })) });
  await producer.disconnect();
}

async function createTopics(...topics: string[]): Promise<void> {
  const admin = kafkaClient(brokers()).admin();
  await admin.connect();
  await admin.createTopics({ topics: topics.map((topic) => ({ topic })), waitForLeaders: true });
  await admin.disconnect();
}

async function ordersByRef(refs: number[]): Promise<{ nw_ref_id: number; customer: string; items: number }[]> {
  return [...await db.sql<{ nw_ref_id: number; customer: string; items: number }[]>`select o.nw_ref_id, c.name as customer, count(i.*)::int as items
    from orders o join customers c on c.customer_id = o.customer_id left join items i on i.order_id = o.order_id
    where o.nw_ref_id = any(${refs}) group by o.nw_ref_id, c.name order by o.nw_ref_id`];
}


function fresh(name: string) {
  const suffix = crypto.randomUUID().slice(0, 8);
  return { topic: `${name}-${suffix}`, dlq: `${name}-${suffix}.DLQ`, group: `shipping-${suffix}` };
}

describe("shipping order consumer", () => {
  test("maps a message to an order with its items; a redelivered id changes nothing", async () => {
    const t = fresh("orders");
    await createTopics(t.topic, t.dlq);
    const consumer = createOrderConsumer({ database: db, brokers: brokers(), logger: silentLogger,
      groupId: t.group, topic: t.topic, deadLetterTopic: t.dlq });
    await consumer.start();
    try {
      await produce(t.topic, [{ id: "m-1", value: orderMessage(90001) }, { id: "m-1", value: orderMessage(90001) }]);
      await waitUntil(async () => (await db.sql`select count(*)::int as n from inbox`)[0]!.n >= 1);
      await Bun.sleep(500);
      expect(await ordersByRef([90001])).toEqual([{ nw_ref_id: 90001, customer: "ALFKI", items: 2 }]);
      const [inbox] = await db.sql`select count(*)::int as n from inbox where message_id = 'm-1'`;
      expect(inbox?.n).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  test("poison messages go to the DLQ with the reason; later good messages are still processed", async () => {
    const t = fresh("poison");
    await createTopics(t.topic, t.dlq);
    const consumer = createOrderConsumer({ database: db, brokers: brokers(), logger: silentLogger,
      groupId: t.group, topic: t.topic, deadLetterTopic: t.dlq });
    await consumer.start();
    try {
      await produce(t.topic, [
        { id: "p-json", value: "{not json" },
        { id: "p-product", value: orderMessage(90002, [{ ProductName: "Chaii", Quantity: 1 }]) },
        { id: "p-shape", value: JSON.stringify({ Order: { Id: "x" } }) },
        { id: "p-good", value: orderMessage(90003) },
      ]);
      await waitUntil(async () => (await ordersByRef([90003])).length === 1);
      const dead = await collect(brokers(), t.dlq, (r) => r.length >= 3);
      const reasons = Object.fromEntries(dead.map((m) => [m.headers["message-id"], m.headers["dlq-reason"]]));
      expect(reasons["p-json"]).toBe("malformed JSON");
      expect(reasons["p-product"]).toBe('Items[0].ProductName: no Product named "Chaii"');
      expect(reasons["p-shape"]).toStartWith("invalid document:");
      expect(dead.every((m) => m.headers["dlq-topic"] === t.topic)).toBe(true);
      expect(await ordersByRef([90002])).toEqual([]);
    } finally {
      await consumer.stop();
    }
  });

  test("a consumer stopped mid-stream and restarted leaves no duplicate rows", async () => {
    const t = fresh("restart");
    await createTopics(t.topic, t.dlq);
    const refs = Array.from({ length: 40 }, (_, i) => 91000 + i);
    await produce(t.topic, refs.map((r) => ({ id: `r-${r}`, value: orderMessage(r) })));
    const make = () => createOrderConsumer({ database: db, brokers: brokers(), logger: silentLogger,
      groupId: t.group, topic: t.topic, deadLetterTopic: t.dlq });
    const first = make();
    await first.start();
    await waitUntil(async () => (await ordersByRef(refs)).length >= 5);
    await first.stop();
    const second = make();
    await second.start();
    try {
      await waitUntil(async () => (await ordersByRef(refs)).length === refs.length, 30_000);
      await Bun.sleep(500);
      const rows = await ordersByRef(refs);
      expect(rows.map((r) => r.nw_ref_id)).toEqual(refs);
      expect(rows.every((r) => r.items === 2)).toBe(true);
    } finally {
      await second.stop();
    }
  });
});
