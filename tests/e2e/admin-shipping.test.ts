/**
 * The same admin engine on the second service: Shipping's app, driven by
 * shipping/admin.yaml, signs in through Shipping's login (forwarded to a
 * running Northwind), lists its customers and shows an order with its items.
 */
import { afterAll, beforeAll, describe, test } from "bun:test";
import { type AdminSession, countOf, logIn, openAdminSession, screenshot, serve, type Served, textOf } from "../support/browser";
import { createShippingTestApp } from "../support/jsonapi-shipping";
import { createTestApp, type TestApp } from "../support/test-app";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let northwind: TestApp;
let northwindServed: Served;
let session: AdminSession;

beforeAll(async () => {
  database = await cloneDatabase(SHIPPING_TEMPLATE_DATABASE);
  northwind = await createTestApp();
  northwindServed = serve(northwind.app.fetch);
  session = await openAdminSession((await createShippingTestApp(database, northwindServed.url)).app.fetch);
});
afterAll(async () => {
  await session?.close();
  await northwindServed?.stop();
  await northwind?.database.drop();
  await database?.drop();
});

describe("Shipping's admin app", () => {
  test("lists customers and opens an order with its items, parents shown by name", async () => {
    const { page } = session;
    await logIn(page, session.url, "admin");
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
