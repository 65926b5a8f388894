/**
 * Interactive API docs at /docs: Swagger UI served from the installed
 * swagger-ui-dist package (no CDN, works offline), pointed at /openapi.json.
 */
import type { Hono } from "hono";
import { dirname, join } from "node:path";

const ASSETS = ["swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js"] as const;
const TYPES: Record<string, string> = { css: "text/css; charset=utf-8", js: "text/javascript; charset=utf-8" };

function assetDir(): string {
  return dirname(Bun.resolveSync("swagger-ui-dist/package.json", import.meta.dir));
}

function page(title: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script>window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#ui", persistAuthorization: true });</script>
</body></html>`;
}

export function registerApiDocs(app: Hono<any>, title: string): void {
  const dir = assetDir();
  app.get("/docs", (c) => c.html(page(title.replace(/[<&]/g, ""))));
  app.get("/docs/assets/:file", async (c) => {
    const file = c.req.param("file");
    if (!(ASSETS as readonly string[]).includes(file)) return c.notFound();
    const type = TYPES[file.split(".").pop() ?? ""] ?? "application/octet-stream";
    return c.body(await Bun.file(join(dir, file)).arrayBuffer(), 200,
      { "content-type": type, "cache-control": "public, max-age=86400" });
  });
}
