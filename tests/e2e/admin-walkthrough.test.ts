/**
 * The admin app's walkthrough in a real browser, as a user does it: admin opens
 * ALFKI, adds an order ("hurry") and items picked by product name, hits the
 * credit rule with 2000 Chang, corrects it to 2, and sees totals that match the
 * database; then 11 Chang get the green discount. Screenshots in .artifacts/admin/.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import { type AdminSession, countOf, logIn, openAdminSession, screenshot, textOf, valueOf } from "../support/browser";
import { createTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
let session: AdminSession;
let page: Page;
let orderId = 0;

beforeAll(async () => {
  t = await createTestApp();
  session = await openAdminSession(t.app.fetch);
  page = session.page;
});
afterAll(async () => {
  await session?.close();
  await t?.database.drop();
});

const value = (field: string) => page.locator(`[data-field="${field}"] .admin-value`).first();
const money = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Types into a lookup and picks the option with exactly that name. */
async function pick(label: string, typed: string, option: string): Promise<void> {
  const box = page.getByRole("combobox", { name: label });
  await box.click();
  await box.fill(typed);
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function addItem(product: string, quantity: number): Promise<void> {
  await page.getByRole("tab", { name: "Order Details" }).click();
  await page.getByRole("link", { name: "Add new Item" }).click();
  await valueOf(page.getByRole("combobox", { name: "Order" }), `Order ${orderId}`);
  await pick("Product", product, product);
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByRole("button", { name: "Save and Show" }).click();
}

async function backToOrder(): Promise<void> {
  await page.locator('[data-field="OrderId"] a').click();
  await page.waitForURL(new RegExp(`#/Order/${orderId}/show`));
}

async function dbOrder() {
  const [row] = await t.database.sql<{ amount_total: string }[]>`select amount_total from "order" where id = ${orderId}`;
  return Number(row!.amount_total);
}

async function dbBalance() {
  const [row] = await t.database.sql<{ balance: string }[]>`select balance from customer where id = 'ALFKI'`;
  return Number(row!.balance);
}

describe("admin walkthrough", () => {
  test("admin finds ALFKI by searching the customer list", async () => {
    await logIn(page, session.url, "admin");
    await page.getByRole("menuitem", { name: "Customers" }).click();
    await page.getByPlaceholder("Search").fill("Alfreds");
    await countOf(page.locator("tbody .RaDatagrid-row"), 1);
    await screenshot(page, "01-customers-search");
    await page.getByRole("cell", { name: "Alfreds Futterkiste" }).click();
    await page.waitForURL(/#\/Customer\/ALFKI\/show/);
    await textOf(value("Balance"), money(await dbBalance()));
    await page.getByText("Derived: sum of Order.AmountTotal").first().waitFor();
    await screenshot(page, "02-customer-alfki");
  });

  test("Add new Order from the customer pre-fills it; Save and Show opens the order", async () => {
    await page.getByRole("tab", { name: "Orders" }).click();
    await page.locator(".admin-tab tbody .RaDatagrid-row").first().waitFor();
    await screenshot(page, "03-customer-orders-tab");
    await page.getByRole("link", { name: "Add new Order" }).click();
    await valueOf(page.getByRole("combobox", { name: "Customer" }), "Alfreds Futterkiste");
    await pick("Employee", "Davol", "Davolio");
    await page.getByLabel("Notes").fill("hurry");
    await screenshot(page, "04-order-create");
    await page.getByRole("button", { name: "Save and Show" }).click();
    await page.waitForURL(/#\/Order\/\d+\/show/);
    orderId = Number(/#\/Order\/(\d+)\/show/.exec(page.url())![1]);
    await textOf(value("Notes"), "hurry");
    await textOf(value("CustomerId"), "Alfreds Futterkiste");
    await textOf(value("EmployeeId"), "Davolio");
  });

  test("Add new Item from the order: 1 Chai, its price copied from the product", async () => {
    await addItem("Chai", 1);
    await page.waitForURL(/#\/OrderDetail\/\d+\/show/);
    await textOf(value("ProductId"), "Chai");
    await textOf(value("UnitPrice"), "18.00");
    await textOf(value("Amount"), "18.00");
    await backToOrder();
  });

  test("2000 Chang breaks the credit limit: the rule's message shows next to the form; 2 saves", async () => {
    await addItem("Chang", 2000);
    const error = page.locator(".admin-server-error");
    await textOf(error, /balance \([\d.]+\) exceeds credit \(2300\.00\)/);
    await screenshot(page, "05-credit-error");
    expect(page.url()).toContain("#/OrderDetail/create");
    await page.getByLabel("Quantity").fill("2");
    await page.getByRole("button", { name: "Save and Show" }).click();
    await page.waitForURL(/#\/OrderDetail\/\d+\/show/);
    await textOf(value("Amount"), "38.00");
    await screenshot(page, "06-item-saved");
  });

  test("the order's AmountTotal and ALFKI's Balance on screen match the database", async () => {
    await backToOrder();
    expect(await dbOrder()).toBe(56);
    await textOf(value("AmountTotal"), money(await dbOrder()));
    await page.getByRole("tab", { name: "Order Details" }).click();
    await countOf(page.locator(".admin-tab tbody .RaDatagrid-row"), 2);
    await screenshot(page, "07-order-items");
    await page.getByRole("tab", { name: "Order", exact: true }).click();
    await page.locator('[data-field="CustomerId"] a').click();
    await page.waitForURL(/#\/Customer\/ALFKI\/show/);
    await textOf(value("Balance"), money(await dbBalance()));
    await screenshot(page, "08-customer-balance");
  });

  test("green products: 11 Chang get 10% off (11 × 19 × 0.9 = 188.10); Save and Add Another keeps the order", async () => {
    await page.getByRole("tab", { name: "Orders" }).click();
    await page.getByRole("cell", { name: String(orderId), exact: true }).click();
    await page.waitForURL(new RegExp(`#/Order/${orderId}/show`));
    await page.getByRole("tab", { name: "Order Details" }).click();
    await page.getByRole("link", { name: "Add new Item" }).click();
    await pick("Product", "Chang", "Chang");
    await page.getByLabel("Quantity").fill("11");
    await page.getByRole("button", { name: "Save and Add Another" }).click();
    // The form is ready for the next item of the same order.
    await page.getByText("Item saved; add another").waitFor();
    await valueOf(page.getByRole("combobox", { name: "Product" }), "");
    await valueOf(page.getByRole("combobox", { name: "Order" }), `Order ${orderId}`);
    await page.goBack();
    const row = page.locator(".admin-tab tbody .RaDatagrid-row", { hasText: "188.10" });
    await textOf(row.locator("td").nth(1), "11");
    await row.click();
    await page.waitForURL(/#\/OrderDetail\/\d+\/show/);
    await textOf(value("Amount"), "188.10");
    await page.getByText("0.9 if Product.CarbonNeutral").first().waitFor();
    await screenshot(page, "09-green-discount");
    await backToOrder();
    expect(await dbOrder()).toBe(244.1);
    await textOf(value("AmountTotal"), money(await dbOrder()));
  });

  test("show_when: ticking Ready on the order reveals Shipped Date", async () => {
    await page.getByRole("link", { name: "Edit" }).click();
    await countOf(page.getByLabel("Shipped Date"), 0);
    await page.getByLabel("Ready").check();
    await page.getByLabel("Shipped Date").waitFor();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(new RegExp(`#/Order/${orderId}/show`));
    await textOf(value("AmountTotal"), money(await dbOrder()));
  });
});
