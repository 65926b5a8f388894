/**
 * The same admin engine on the second service: Shipping's app, driven by
 * shipping/admin.yaml, lists its customers and shows an order with its items;
 * its API has no login, so neither has its admin app.
 */
import { afterAll, beforeAll, describe, test } from "bun:test";
import { createShippingApp } from "../../shipping/app";
import { createKafkaHealth } from "../../src/engine/kafka/kafka-health";
import { type AdminSession, countOf, openAdminSession, screenshot, textOf } from "../support/browser";
import { silentLogger } from "../support/test-app";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let session: AdminSession;

beforeAll(async () => {
  database = await cloneDatabase(SHIPPING_TEMPLATE_DATABASE);
  session = await openAdminSession(createShippingApp({ database, kafka: createKafkaHealth(undefined), logger: silentLogger }).fetch);
});
afterAll(async () => {
  await session?.close();
  await database?.drop();
});

describe("Shipping's admin app", () => {
  test("lists customers and opens an order with its items, parents shown by name", async () => {
    const { page } = session;
    await page.goto(`${session.url}/admin#/Customers`);
    const [customers] = await database.sql<{ n: number }[]>`select count(*)::int as n from customers`;
    await countOf(page.locator("tbody .RaDatagrid-row"), Math.min(customers!.n, 25));
    await screenshot(page, "15-shipping-customers");
    const [order] = await database.sql<{ id: number; name: string }[]>`
      select o.order_id as id, c.name from orders o join customers c using (customer_id) order by o.order_id limit 1`;
    await page.goto(`${session.url}/admin#/Orders/${order!.id}/show`);
    await textOf(page.locator('[data-field="CustomerID"] .admin-value'), order!.name);
    await page.getByRole("tab", { name: "Items" }).click();
    await page.locator(".admin-tab tbody .RaDatagrid-row").first().waitFor();
    await screenshot(page, "16-shipping-order-items");
  });
});
