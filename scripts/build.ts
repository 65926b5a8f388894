/**
 * `bun run build`: bundles the admin SPA into .build/admin (served by every
 * service at / and /admin). `bun run dev` and `bun run test` run it too.
 */
import { relative } from "node:path";
import { buildAdmin } from "../src/engine/admin";

const built = await buildAdmin({ minify: !process.argv.includes("--no-minify") });
console.log(`admin: built ${relative(process.cwd(), built.outDir)} (${built.files.length} files, `
  + `${(built.bytes / 1024).toFixed(0)} KiB) in ${built.ms} ms`);
