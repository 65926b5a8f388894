/**
 * `bun run admin:generate`: writes each service's admin.yaml from its schema,
 * merged with the edits already in it (see src/engine/admin/config/merge.ts).
 * `--check` changes nothing and exits 1 when a file is not up to date.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { generateAdminFile, mergeAdminYaml } from "../src/engine/admin";
import { ADMIN_YAML_HEADER } from "../src/engine/admin/config/header";
import { ADMIN_TARGETS, ROOT } from "./admin-targets";

function main(check: boolean): number {
  let stale = 0;
  for (const target of ADMIN_TARGETS) {
    const name = relative(ROOT, target.file);
    const existing = existsSync(target.file) ? readFileSync(target.file, "utf8") : undefined;
    const generated = generateAdminFile({ registry: target.registry, rules: target.rules, title: target.title });
    const merged = mergeAdminYaml(existing, generated, { prune: true, header: ADMIN_YAML_HEADER });
    for (const note of merged.notes) console.log(`admin: ${name}: ${note}`);
    if (merged.text === existing) { console.log(`admin: ${name} is up to date`); continue; }
    stale++;
    if (check) { console.log(`admin: ${name} is not up to date; run bun run admin:generate`); continue; }
    writeFileSync(target.file, merged.text);
    console.log(`admin: ${existing === undefined ? "wrote" : "updated"} ${name}`);
  }
  return check && stale ? 1 : 0;
}

process.exit(main(process.argv.includes("--check")));
