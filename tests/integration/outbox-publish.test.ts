/** The publish rule writes outbox messages at commit, for any writer (here: plain SQL). */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type postgres from "postgres";
import { cloneDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => { db = await cloneDatabase(); });
afterAll(async () => { await db.drop(); });

async function outboxFor(orderId: number) {
  return db.sql`select aggregate_type, aggregate_id, type, topic, payload, headers from outbox
                where aggregate_id = ${String(orderId)} order by seq`;
}

async function newOrder(tx: postgres.TransactionSql, ready: boolean): Promise<number> {
  const [row] = await tx`insert into "order" (customer_id, employee_id, ready) values ('ANATR', 5, ${ready}) returning id`;
  return row!.id as number;
}

describe("publish rule: Order Ready -> outbox", () => {
  test("an order inserted Ready gets one message, including items inserted after it", async () => {
    let id = 0;
    await db.sql.begin(async (tx) => {
      id = await newOrder(tx, true);
      await tx`insert into order_detail (order_id, product_id, quantity, unit_price, amount) values (${id}, 1, 3, 18, 54)`;
    });
    const rows = await outboxFor(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ aggregate_type: "Order", aggregate_id: String(id), type: "OrderShipping", topic: "order_shipping" });
    const order = (rows[0]!.payload as { Order: Record<string, unknown> }).Order;
    expect(Object.keys(order).sort()).toEqual(["CustomerId", "Id", "Items", "Order Date", "Total"]);
    expect(order.Id).toBe(id);
    expect(order.CustomerId).toBe("ANATR");
    expect(order.Items).toEqual([expect.objectContaining({ OrderId: id, ProductName: "Chai", Quantity: 3 })]);
  });

  test("not Ready: no message; flipping Ready false->true: one message", async () => {
    const id = await db.sql.begin((tx) => newOrder(tx, false));
    await db.sql`insert into order_detail (order_id, product_id, quantity) values (${id}, 2, 1)`;
    expect(await outboxFor(id)).toHaveLength(0);
    await db.sql`update "order" set ready = true where id = ${id}`;
    expect(await outboxFor(id)).toHaveLength(1);
    await db.sql`update "order" set ready = true, freight = 1 where id = ${id}`;
    expect(await outboxFor(id)).toHaveLength(1);
  });

  test("set Ready twice in one transaction: still one message", async () => {
    const id = await db.sql.begin(async (tx) => {
      const orderId = await newOrder(tx, true);
      await tx`insert into order_detail (order_id, product_id, quantity) values (${orderId}, 2, 1)`;
      await tx`update "order" set ready = false where id = ${orderId}`;
      await tx`update "order" set ready = true where id = ${orderId}`;
      return orderId;
    });
    expect(await outboxFor(id)).toHaveLength(1);
  });

  test("a rolled-back transaction leaves no message", async () => {
    let id = 0;
    await db.sql.begin(async (tx) => {
      id = await newOrder(tx, true);
      throw new Error("abort");
    }).catch(() => {});
    expect(id).toBeGreaterThan(0);
    expect(await outboxFor(id)).toHaveLength(0);
  });

  test("commit notifies the relay channel", async () => {
    const received: string[] = [];
    const listener = await db.sql.listen("outbox", (payload) => received.push(payload));
    const id = await db.sql.begin(async (tx) => {
      const orderId = await newOrder(tx, true);
      await tx`insert into order_detail (order_id, product_id, quantity) values (${orderId}, 1, 1)`;
      return orderId;
    });
    for (let i = 0; i < 50 && received.length === 0; i++) await Bun.sleep(20);
    await listener.unlisten();
    expect(id).toBeGreaterThan(0);
    expect(received).toContain("order_shipping");
  });
});
