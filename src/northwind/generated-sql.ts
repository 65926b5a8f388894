/** Northwind's generated SQL files (applied after table migrations, in name order). */
import { compilePublishRule } from "../engine/outbox/publish-rule";
import type { GeneratedSqlFile } from "../engine/sql/generated-files";
import { compileGrants } from "../engine/security/compile-grants";
import { northwindGrants } from "./grants";
import { publishRules } from "./publish";

export const northwindGeneratedSql: GeneratedSqlFile[] = [
  {
    file: "30-publish.sql",
    source: "src/northwind/publish.ts",
    command: "bun run sql:generate",
    body: () => publishRules.map(compilePublishRule).join("\n"),
  },
  {
    file: "40-grants.sql",
    source: "src/northwind/grants.ts",
    command: "bun run sql:generate",
    body: () => compileGrants(northwindGrants),
  },
];
