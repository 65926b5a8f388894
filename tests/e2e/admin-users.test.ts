/**
 * Who sees what in the admin app, in a real browser: a customer user (ALFKI)
 * sees only its own customer and orders; sales (s1) sees every customer; a user
 * logs out back to the login page; a wrong password is refused in plain words.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import { type AdminSession, countOf, logIn, openAdminSession, screenshot, textOf } from "../support/browser";
import { createTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
let session: AdminSession;
let page: Page;

beforeAll(async () => {
  t = await createTestApp();
  session = await openAdminSession(t.app.fetch);
  page = session.page;
});
afterAll(async () => {
  await session?.close();
  await t?.database.drop();
});

const rows = () => page.locator("tbody .RaDatagrid-row");
const total = () => page.locator(".MuiTablePagination-displayedRows");

async function logOut(): Promise<void> {
  await page.getByRole("button", { name: "Profile" }).click();
  await page.getByRole("menuitem", { name: "Logout" }).click();
  await page.getByRole("button", { name: "Sign in" }).waitFor();
}

describe("admin app users", () => {
  test("the app is served at / and /admin; a wrong password is refused", async () => {
    await page.goto(`${session.url}/`);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await screenshot(page, "10-login");
    await page.getByLabel("Username").fill("ALFKI");
    await page.getByRole("textbox", { name: "Password" }).fill("wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("wrong username or password").waitFor();
  });

  test("ALFKI sees one customer, its own, and only its own orders", async () => {
    await logIn(page, session.url, "ALFKI");
    await page.getByRole("menuitem", { name: "Customers" }).click();
    await countOf(rows(), 1);
    await textOf(rows().first().locator("td").nth(1), "Alfreds Futterkiste");
    await textOf(total(), /1 of 1/);
    await screenshot(page, "11-alfki-customers");
    await page.getByRole("menuitem", { name: "Orders" }).click();
    await textOf(total(), /of \d+$/);
    const [row] = await t.database.sql<{ n: number }[]>`select count(*)::int as n from "order" where customer_id = 'ALFKI'`;
    await textOf(total(), new RegExp(`of ${row!.n}$`));
    const customers = await rows().locator("td:nth-child(2)").allTextContents();
    expect(new Set(customers)).toEqual(new Set(["Alfreds Futterkiste"]));
    await screenshot(page, "12-alfki-orders");
    await logOut();
  });

  test("s1 (sales) sees every customer, a page at a time, sorted by a column", async () => {
    await logIn(page, session.url, "s1");
    await page.getByRole("menuitem", { name: "Customers" }).click();
    const [row] = await t.database.sql<{ n: number }[]>`select count(*)::int as n from customer`;
    await textOf(total(), new RegExp(`1-25 of ${row!.n}$`));
    await page.getByRole("button", { name: "Company Name" }).click();
    await page.getByRole("button", { name: "Company Name" }).click();
    const [last] = await t.database.sql<{ company_name: string }[]>`select company_name from customer order by company_name desc limit 1`;
    await textOf(rows().first().locator("td").nth(1), last!.company_name);
    await page.getByRole("button", { name: "Go to next page" }).click();
    await textOf(total(), new RegExp(`26-50 of ${row!.n}$`));
    await screenshot(page, "13-s1-customers-sorted-page2");
    await logOut();
  });
});
