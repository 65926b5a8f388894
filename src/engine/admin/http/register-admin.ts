/**
 * Mounts the admin app on a service: the SPA at `/` and `/admin`, its assets under
 * /admin/assets/ (bundled on first visit if `bun run build` never ran), and its model
 * at /admin/config.json (public like /openapi.json: names and labels, no data).
 * admin.yaml is checked once at start-up: a mistake stops the server, naming it.
 */
import { existsSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { Context, Hono } from "hono";
import type { ResourceRegistry } from "../../api";
import { buildAdmin, DEFAULT_ADMIN_DIR } from "../build/build-admin";
import { buildAdminModel } from "../config/build-model";
import type { AdminModel } from "../model/admin-model";

export interface AdminOptions {
  /** The API's registry: what the admin shows is what the API serves. */
  registry: ResourceRegistry;
  /** The service's admin.yaml. */
  configFile: string;
  title: string;
  /** The built SPA (`bun run build`); default `<repo>/.build/admin`. */
  assetsDir?: string;
  apiBase?: string;
  /** Bundle the SPA on first visit when the folder has none (default true). */
  buildWhenMissing?: boolean;
  /** The API's login route (default `/api/auth/login`); false when the API is not authenticated. */
  login?: string | false;
  /** The API's permissions route (default `/api/auth/me`); false: every user may try everything. */
  permissions?: string | false;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".map": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8",
};
const ASSET_NAME = /^[A-Za-z0-9_.-]+$/;

const notBuilt = (why: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Admin not built</title></head>
<body style="font-family:system-ui;margin:2rem"><h1>The admin app is not built</h1><p>${why.replace(/[<&]/g, "")}</p>
<p>Run <code>bun run build</code> (or start with <code>bun run dev</code>, which builds it), then reload.</p></body></html>`;

export function loadAdminModel(opts: AdminOptions): AdminModel {
  const text = existsSync(opts.configFile) ? readFileSync(opts.configFile, "utf8") : undefined;
  return buildAdminModel({ registry: opts.registry, text, file: opts.configFile, title: opts.title,
    apiBase: opts.apiBase, loginPath: opts.login === false ? null : opts.login,
    permissionsPath: opts.permissions === false ? null : opts.permissions });
}

export function registerAdmin(app: Hono<any>, opts: AdminOptions): AdminModel {
  const model = loadAdminModel(opts);
  const dir = opts.assetsDir ?? DEFAULT_ADMIN_DIR;
  const body = JSON.stringify(model);
  app.get("/admin/config.json", (c) => c.body(body, 200, { "content-type": "application/json", "cache-control": "no-cache" }));
  let building: Promise<unknown> | undefined;
  const index = async (c: Context) => {
    const file = Bun.file(join(dir, "index.html"));
    if (!(await file.exists())) {
      if (opts.buildWhenMissing === false) return c.html(notBuilt(`${dir} has no index.html.`), 503);
      building ??= buildAdmin({ outDir: dir });
      const failed = await building.then(() => undefined, (e: unknown) => (e instanceof Error ? e.message : String(e)));
      if (failed) {
        building = undefined;
        return c.html(notBuilt(failed), 503);
      }
    }
    return c.body(await file.text(), 200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
  };
  app.get("/", index);
  app.get("/admin", index);
  app.get("/admin/", index);
  app.get("/admin/assets/:file", async (c) => {
    const name = c.req.param("file");
    // The name is checked before it reaches the file system (Bun.file throws on a NUL byte).
    if (!ASSET_NAME.test(name) || name.startsWith(".")) return c.notFound();
    const file = Bun.file(join(dir, "assets", name));
    if (!(await file.exists())) return c.notFound();
    // Names carry a content hash: a new build gets new names, so browsers may keep these forever.
    return c.body(await file.arrayBuffer(), 200, { "content-type": TYPES[extname(name)] ?? "application/octet-stream",
      "cache-control": "public, max-age=31536000, immutable" });
  });
  return model;
}
