/**
 * One B2B order end to end over real services: POST OrderB2B → Northwind rows
 * and totals → outbox → relay → Kafka `order_shipping` (exact format) →
 * Shipping consumer → Shipping's own order, items and totals.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createRelay, type Relay } from "../../src/engine/outbox/relay";
import { createOrderConsumer, ORDER_SHIPPING_DLQ, ORDER_SHIPPING_TOPIC } from "../../shipping/order-consumer";
import type { InboxConsumer } from "../../src/engine/inbox/inbox-consumer";
import { collect } from "../support/kafka";
import { asPartner, createTestApp, kafkaBrokers, silentLogger, type TestApp } from "../support/test-app";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "../support/test-database";

const prefix = `e2e-${crypto.randomUUID().slice(0, 8)}.`;
let northwind: TestApp;
let shipping: TestDatabase;
let relay: Relay;
let consumer: InboxConsumer;

beforeAll(async () => {
  const brokers = kafkaBrokers();
  if (!brokers) throw new Error("KAFKA_BROKERS is unset: run with `bun run test`");
  northwind = await createTestApp();
  shipping = await cloneDatabase(SHIPPING_TEMPLATE_DATABASE);
  relay = createRelay({ sql: northwind.database.sql, databaseUrl: northwind.database.url, brokers, logger: silentLogger, topicPrefix: prefix,
    topics: [ORDER_SHIPPING_TOPIC, ORDER_SHIPPING_DLQ], pollIntervalMs: 200 });
  consumer = createOrderConsumer({ database: shipping, brokers, logger: silentLogger, groupId: `${prefix}shipping`,
    topic: prefix + ORDER_SHIPPING_TOPIC, deadLetterTopic: prefix + ORDER_SHIPPING_DLQ });
  await relay.start();
  await consumer.start();
});

afterAll(async () => {
  await consumer?.stop();
  await relay?.stop();
  await northwind?.database.drop();
  await shipping?.drop();
});

const sample = { meta: { args: { order: {
  AccountId: "ALFKI", Surname: "Buchanan", Given: "Steven",
  Items: [{ ProductName: "Chai", QuantityOrdered: 1 }, { ProductName: "Chang", QuantityOrdered: 2 }],
} } } };

describe("B2B order to Shipping", () => {
  test("the sample order arrives in Shipping with its items and Shipping's own totals", async () => {
    const [shipBefore] = await shipping.sql`select balance from customers where name = 'ALFKI'`;
    const stock = await northwind.database.sql`select product_name, units_in_stock from product where id in (1, 2) order by id`;
    const res = await northwind.app.request("/api/ServicesEndPoint/OrderB2B", { method: "POST", body: JSON.stringify(sample),
      headers: { "content-type": "application/json", ...(await asPartner(northwind)) } });
    expect(res.status).toBe(201);
    const committedAt = Date.now();
    const { order } = await res.json() as { order: { Id: number; Total: number; "Order Date": string } };
    expect(order.Total).toBe(56);

    let shipped: Record<string, unknown>[] = [];
    for (let i = 0; i < 150 && shipped.length === 0; i++) {
      shipped = [...await shipping.sql`select order_id, amount_total, customer_id from orders where nw_ref_id = ${order.Id}`];
      if (shipped.length === 0) await Bun.sleep(100);
    }
    const latencyMs = Date.now() - committedAt;
    expect(shipped).toHaveLength(1);
    expect(latencyMs).toBeLessThan(15_000);
    const items = await shipping.sql`select p.name, i.quantity, i.unit_price, i.amount from items i
      join products p on p.product_id = i.product_id where i.order_id = ${Number(shipped[0]!.order_id)} order by i.item_id`;
    expect(items.map((r) => [r.name, r.quantity, Number(r.unit_price), Number(r.amount)]))
      .toEqual([["Chai", 1, 10, 10], ["Chang", 2, 20, 40]]);
    expect(Number(shipped[0]!.amount_total)).toBe(50);
    const [shipAfter] = await shipping.sql`select balance from customers where name = 'ALFKI'`;
    expect(Number(shipAfter!.balance)).toBe(Number(shipBefore!.balance) + 50);

    const messages = await collect(kafkaBrokers()!, prefix + ORDER_SHIPPING_TOPIC, (r) => r.some((m) => m.key === String(order.Id)));
    const message = messages.find((m) => m.key === String(order.Id))!;
    expect(JSON.parse(message.value)).toEqual({ Order: {
      Id: order.Id, Total: 56, "Order Date": order["Order Date"], CustomerId: "ALFKI",
      Items: [
        { OrderId: order.Id, ProductName: "Chai", Quantity: 1, Amount: 18, UnitPrice: 18, UnitsInStock: stock[0]!.units_in_stock },
        { OrderId: order.Id, ProductName: "Chang", Quantity: 2, Amount: 38, UnitPrice: 19, UnitsInStock: stock[1]!.units_in_stock },
      ],
    } });
    expect(message.headers["message-id"]).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);
});
