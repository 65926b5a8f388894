/**
 * The admin app offers each user what its grants allow, in a real browser: a
 * customer (ALFKI) has no menu entry it cannot read, no Add/Edit/Delete the API
 * would refuse, CreditLimit read-only in its edit form, and meets no 403 on the
 * way; admin still sees every resource and every action.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import { type AdminSession, countOf, logIn, openAdminSession, screenshot, textOf } from "../support/browser";
import { createTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
let session: AdminSession;
let page: Page;
const refused: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  session = await openAdminSession(t.app.fetch);
  page = session.page;
  page.on("response", (r) => { if (r.status() === 403) refused.push(`${r.request().method()} ${r.url()}`); });
});
afterAll(async () => {
  await session?.close();
  await t?.database.drop();
});

const menu = (name: string) => page.getByRole("menuitem", { name, exact: true });
const rows = () => page.locator("tbody .RaDatagrid-row");
const value = (field: string) => page.locator(`[data-field="${field}"] .admin-value`).first();

async function logOut(): Promise<void> {
  await page.getByRole("button", { name: "Profile" }).click();
  await page.getByRole("menuitem", { name: "Logout" }).click();
  await page.getByRole("button", { name: "Sign in" }).waitFor();
}

/** Opens a resource's list from the menu and waits for its first row. */
async function openList(label: string, type: string): Promise<void> {
  await menu(label).click();
  await page.waitForURL(new RegExp(`#/${type}$`));
  await page.locator(`.list-page tbody .RaDatagrid-row`).first().waitFor();
}

describe("admin app permissions", () => {
  test("ALFKI's menu lists only what a customer may read", async () => {
    await logIn(page, session.url, "ALFKI");
    // The menu's entries appear once access is known; Locations is the last one a customer may read.
    await menu("Locations").waitFor();
    for (const label of ["Customers", "Orders", "Order Details", "Products", "Employees", "Shippers"]) await menu(label).waitFor();
    for (const label of ["Departments", "Unions"]) expect(await menu(label).count()).toBe(0);
    await openList("Customers", "Customer");
    await countOf(rows(), 1);
    expect(await page.getByRole("link", { name: "Add new Customer" }).count()).toBe(0);
    await screenshot(page, "17-alfki-menu-customers");
  });

  test("its own customer: Edit but no Delete; its orders and items: add, edit and delete", async () => {
    await page.getByRole("cell", { name: "Alfreds Futterkiste" }).click();
    await textOf(value("CompanyName"), "Alfreds Futterkiste");
    await page.getByRole("link", { name: "Edit" }).waitFor();
    expect(await page.getByRole("button", { name: "Delete" }).count()).toBe(0);
    await page.getByRole("tab", { name: "Orders" }).click();
    await page.getByRole("link", { name: "Add new Order" }).waitFor();
    await page.locator(".admin-tab tbody .RaDatagrid-row").first().waitFor();
    await screenshot(page, "18-alfki-customer-orders");
    await page.locator(".admin-tab tbody .RaDatagrid-row").first().click();
    await page.waitForURL(/#\/Order\/\d+\/show/);
    await page.getByRole("link", { name: "Edit" }).waitFor();
    await page.getByRole("button", { name: "Delete" }).waitFor();
    await page.getByRole("tab", { name: "Order Details" }).click();
    await page.getByRole("link", { name: "Add new Item" }).waitFor();
  });

  test("its edit form changes contact fields; Credit Limit is read-only", async () => {
    await page.goto(`${session.url}/admin#/Customer/ALFKI`);
    await page.getByLabel("Contact Name").waitFor();
    expect(await page.getByLabel("Credit Limit").count()).toBe(0);
    await page.locator('.admin-readonly[data-field="CreditLimit"]').waitFor();
    await textOf(page.locator('.admin-readonly[data-field="CreditLimit"] .admin-info'), /Your role may not change this\.$/);
    expect(await page.getByRole("button", { name: "Delete" }).count()).toBe(0);
    await page.getByLabel("Contact Name").fill("Maria Anders-Permitted");
    await screenshot(page, "19-alfki-customer-edit");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(/#\/Customer\/ALFKI\/show/);
    await textOf(value("ContactName"), "Maria Anders-Permitted");
    const [row] = await t.database.sql<{ contact_name: string }[]>`select contact_name from customer where id = 'ALFKI'`;
    expect(row!.contact_name).toBe("Maria Anders-Permitted");
  });

  test("reference data is read-only; parents and tabs it cannot read are left out", async () => {
    await openList("Products", "Product");
    expect(await page.getByRole("link", { name: "Add new Product" }).count()).toBe(0);
    await rows().first().locator("td").first().click();
    await page.waitForURL(/#\/Product\/\d+\/show/);
    await page.getByRole("tab", { name: "Order Details" }).waitFor();
    expect(await page.getByRole("link", { name: "Edit" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Delete" }).count()).toBe(0);
    await openList("Employees", "Employee");
    await rows().first().locator("td").first().click();
    await page.waitForURL(/#\/Employee\/\d+\/show/);
    await page.getByRole("tab", { name: "Orders" }).waitFor();
    expect(await page.getByRole("tab", { name: "Employee Audits" }).count()).toBe(0);
    await textOf(value("LastName"), /\S/);
    // Personal columns are not the customer's to read: not shown, not even as empty fields.
    for (const personal of ["Salary", "BirthDate", "Address", "HomePhone", "WorksForDepartmentId"]) {
      expect(await page.locator(`[data-field="${personal}"]`).count()).toBe(0);
    }
    await screenshot(page, "20-alfki-employee");
    expect(refused).toEqual([]);
  });

  test("a new order's form offers no shipping fields; a new item's no price or discount", async () => {
    await page.goto(`${session.url}/admin#/Order/create`);
    await page.getByLabel("Ship City").waitFor();
    for (const label of ["Shipped Date", "Ship Via", "Freight"]) expect(await page.getByLabel(label).count()).toBe(0);
    await page.goto(`${session.url}/admin#/OrderDetail/create`);
    await page.getByLabel("Quantity").waitFor();
    expect(await page.getByLabel("Discount").count()).toBe(0);
    expect(refused).toEqual([]);
  });

  test("a Department URL typed by hand is refused without asking the API", async () => {
    await page.goto(`${session.url}/admin#/Department`);
    await page.getByText(/not authorized|access denied/i).first().waitFor();
    expect(await rows().count()).toBe(0);
    expect(refused).toEqual([]);
    await screenshot(page, "21-alfki-department-url");
    await logOut();
  });

  test("admin sees every resource and every action, Credit Limit editable", async () => {
    await logIn(page, session.url, "admin");
    for (const label of ["Departments", "Unions", "Customers", "Products"]) await menu(label).waitFor();
    await openList("Customers", "Customer");
    await page.getByRole("link", { name: "Add new Customer" }).waitFor();
    await screenshot(page, "22-admin-menu-customers");
    await page.getByRole("cell", { name: "Alfreds Futterkiste" }).click();
    await page.getByRole("button", { name: "Delete" }).waitFor();
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Credit Limit").waitFor();
    expect(await page.locator(".admin-readonly").count()).toBe(0);
    await screenshot(page, "23-admin-customer-edit");
    await openList("Departments", "Department");
    await page.getByRole("link", { name: "Add new Department" }).waitFor();
    expect(refused).toEqual([]);
  });
});
