/** Northwind's generated SQL files (applied after table migrations, in name order). */
import { compilePublishRule } from "../engine/outbox/publish-rule";
import type { GeneratedSqlFile } from "../engine/sql/generated-files";
import { publishRules } from "./publish";

export const northwindGeneratedSql: GeneratedSqlFile[] = [
  {
    file: "30-publish.sql",
    source: "src/northwind/publish.ts",
    command: "bun run sql:generate",
    body: () => publishRules.map(compilePublishRule).join("\n"),
  },
];
