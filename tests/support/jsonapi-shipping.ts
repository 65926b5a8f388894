/** Fixture setup for Shipping resources: its app in-process over a cloned Shipping database. */
import { createShippingApp } from "../../shipping/app";
import { createKafkaHealth } from "../../src/engine/kafka/kafka-health";
import type { JsonApiApp } from "./jsonapi-client";
import { silentLogger } from "./test-app";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE } from "./test-database";

/** The sample has one order; the suite needs a few to filter, sort and page, so `orders` more are added. */
export async function shippingSetup(orders = 0): Promise<{ app: JsonApiApp; teardown(): Promise<void> }> {
  const database = await cloneDatabase(SHIPPING_TEMPLATE_DATABASE);
  for (let i = 1; i <= orders; i++) {
    await database.sql`insert into orders (customer_id, notes, nw_ref_id) values
      (${1 + (i % 5)}, ${i % 3 === 0 ? null : `Order note ${i % 2 === 0 ? "Alpha" : "beta"}`}, ${10_000 + i})`;
  }
  const app = createShippingApp({ database, kafka: createKafkaHealth(undefined), logger: silentLogger });
  return { app, teardown: () => database.drop() };
}
