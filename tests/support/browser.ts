/**
 * Browser tests of the admin app: the app under test served on a free port,
 * Debian's chromium driven by playwright-core with a fresh profile, screenshots
 * under .artifacts/admin/, and the login every test starts with.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { buildAdmin, DEFAULT_ADMIN_DIR } from "../../src/engine/admin";
import { waitUntil } from "./wait";

export const ARTIFACTS = join(import.meta.dir, "../../.artifacts/admin");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The SPA bundle: `bun run test` builds it first; a bare `bun test` builds it when missing. */
export async function ensureAdminBuilt(): Promise<void> {
  if (!existsSync(join(DEFAULT_ADMIN_DIR, "index.html"))) await buildAdmin();
}

export interface Served { url: string; stop(): Promise<void> }

export function serve(fetch: (request: Request) => Response | Promise<Response>): Served {
  const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch });
  return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop(true) };
}

export interface Browser { context: BrowserContext; page: Page; close(): Promise<void> }

export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const profile = mkdtempSync(join(tmpdir(), "admin-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-quic", "--no-first-run"],
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context, page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The admin app under test, served on a free port, with a fresh browser on it. */
export interface AdminSession { url: string; page: Page; close(): Promise<void> }

export async function openAdminSession(fetch: (request: Request) => Response | Promise<Response>): Promise<AdminSession> {
  await ensureAdminBuilt();
  const served = serve(fetch);
  const browser = await openBrowser();
  return {
    url: served.url,
    page: browser.page,
    async close() {
      await browser.close();
      await served.stop();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  // From the top: a full-page capture of a scrolled page paints the fixed app bar mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Opens the admin app and signs in with the API's login (demo password "p"). */
export async function logIn(page: Page, baseUrl: string, user: string): Promise<void> {
  await page.goto(`${baseUrl}/admin`);
  await page.getByLabel("Username").fill(user);
  await page.getByRole("textbox", { name: "Password" }).fill("p");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("menuitem", { name: "Customers" }).waitFor();
}

type Check<T> = () => Promise<T>;

/** Waits until `read` gives something `ok` accepts; a timeout names the last value seen. */
async function until<T>(what: string, read: Check<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  let last: T | undefined;
  try {
    await waitUntil(async () => {
      last = await read().catch(() => undefined);
      return last !== undefined && ok(last);
    }, timeoutMs, what);
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}; last saw ${JSON.stringify(last)}`);
  }
  return last as T;
}

const matches = (expected: string | RegExp) => (text: string) =>
  typeof expected === "string" ? text.trim() === expected : expected.test(text);

/** Waits until the element's text is `expected` (trimmed) or matches it. */
export async function textOf(locator: Locator, expected: string | RegExp): Promise<string> {
  return until(`text ${String(expected)} in ${String(locator)}`, async () => (await locator.first().textContent({ timeout: 1000 })) ?? "",
    matches(expected));
}

/** Waits until the input's value is `expected`. */
export async function valueOf(locator: Locator, expected: string | RegExp): Promise<string> {
  return until(`value ${String(expected)} in ${String(locator)}`, () => locator.inputValue({ timeout: 1000 }), matches(expected));
}

/** Waits until `n` elements match. */
export async function countOf(locator: Locator, n: number): Promise<number> {
  return until(`${n} of ${String(locator)}`, () => locator.count(), (c) => c === n);
}
