/**
 * A stale edit in the admin app: the row changes (here through the API, as
 * another user would) while a user edits it; saving says someone else changed
 * the row and offers a reload, which shows their change. Nothing is overwritten.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import { type AdminSession, logIn, openAdminSession, screenshot, textOf, valueOf } from "../support/browser";
import { authAs, createTestApp, type TestApp } from "../support/test-app";

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

describe("stale edits", () => {
  test("saving over someone else's change is refused with a reload offer", async () => {
    await logIn(page, session.url, "admin");
    await page.goto(`${session.url}/admin#/Customer/ANATR`);
    await valueOf(page.getByLabel("Contact Title"), "Owner");
    const other = await t.app.request("/api/Customer/ANATR", {
      method: "PATCH", headers: { ...(await authAs(t, "s1")), "content-type": "application/vnd.api+json" },
      body: JSON.stringify({ data: { type: "Customer", id: "ANATR", attributes: { ContactTitle: "Founder" } } }),
    });
    expect(other.status).toBe(200);
    await page.getByLabel("Contact Name").fill("Ana T.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await textOf(page.locator(".admin-server-error"), /Someone else changed this customer since you opened it/);
    await screenshot(page, "14-stale-edit");
    const [row] = await t.database.sql<{ contact_name: string; contact_title: string }[]>`
      select contact_name, contact_title from customer where id = 'ANATR'`;
    expect(row).toEqual({ contact_name: "Ana Trujillo", contact_title: "Founder" });
    await page.getByRole("button", { name: "Reload" }).click();
    await valueOf(page.getByLabel("Contact Title"), "Founder");
    await page.getByLabel("Contact Name").fill("Ana T.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(/#\/Customer\/ANATR\/show/);
    await textOf(page.locator('[data-field="ContactName"] .admin-value'), "Ana T.");
  });
});
