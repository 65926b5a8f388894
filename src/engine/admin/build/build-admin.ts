/**
 * Bundles the admin SPA with Bun's bundler into static files: index.html plus
 * content-hashed assets under assets/. Everything comes from node_modules (no
 * CDN). The new build is written aside and swapped in, so a server reading the
 * folder never sees half a build.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export const SPA_ENTRY = join(import.meta.dir, "../spa/main.tsx");
/** `<repo>/.build/admin`: git-ignored. */
export const DEFAULT_ADMIN_DIR = join(import.meta.dir, "../../../../.build/admin");

export interface BuildAdminOptions {
  outDir?: string;
  minify?: boolean;
}

export interface BuiltAdmin { outDir: string; files: string[]; bytes: number; ms: number }

function indexHtml(script: string, styles: readonly string[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Admin</title>
${styles.map((s) => `<link rel="stylesheet" href="/admin/assets/${s}">`).join("\n")}
<style>body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}</style>
</head>
<body>
<div id="root"></div>
<script type="module" src="/admin/assets/${script}"></script>
</body>
</html>
`;
}

/** Replaces outDir with staging; if another build won the race, its result stays and ours is dropped. */
function swapIn(staging: string, outDir: string): void {
  mkdirSync(dirname(outDir), { recursive: true });
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  try {
    renameSync(staging, outDir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

export async function buildAdmin(opts: BuildAdminOptions = {}): Promise<BuiltAdmin> {
  const started = performance.now();
  const outDir = opts.outDir ?? DEFAULT_ADMIN_DIR;
  const staging = `${outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await Bun.build({
    entrypoints: [SPA_ENTRY],
    outdir: join(staging, "assets"),
    target: "browser",
    format: "esm",
    minify: opts.minify ?? true,
    naming: "[name]-[hash].[ext]",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
  });
  if (!result.success) {
    rmSync(staging, { recursive: true, force: true });
    throw new AggregateError(result.logs, `admin bundle failed: ${result.logs.map((l) => String(l)).join("\n")}`);
  }
  const files = result.outputs.map((o) => basename(o.path));
  const script = result.outputs.find((o) => o.kind === "entry-point");
  if (!script) throw new Error("admin bundle produced no entry point");
  writeFileSync(join(staging, "index.html"), indexHtml(basename(script.path), files.filter((f) => f.endsWith(".css"))));
  const bytes = files.reduce((n, f) => n + statSync(join(staging, "assets", f)).size, 0);
  swapIn(staging, outDir);
  return { outDir, files, bytes, ms: Math.round(performance.now() - started) };
}
