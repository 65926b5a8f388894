/** Northwind's generated SQL files besides its rules (applied after table migrations, in name order). */
import { compilePublishRule } from "../engine/outbox/publish-rule";
import { withHeader, type GeneratedSqlFile } from "../engine/sql/generated-files";
import { compileGrants } from "../engine/security/compile-grants";
import { compileTokenVersion } from "../engine/security/compile-token-version";
import { northwindGrants } from "./grants";
import { publishRules } from "./publish";
import { northwindTokenVersion } from "./token-version";

const COMMAND = "bun run sql:generate";

export const northwindGeneratedSql: GeneratedSqlFile[] = [
  {
    path: "sql/northwind/30-publish.sql",
    render: () => withHeader("src/northwind/publish.ts", COMMAND, publishRules.map(compilePublishRule).join("\n")),
  },
  {
    path: "sql/northwind/40-grants.sql",
    render: () => withHeader("src/northwind/grants.ts", COMMAND, compileGrants(northwindGrants)),
  },
  {
    path: "sql/northwind/50-token-version.sql",
    render: () => withHeader("src/northwind/token-version.ts", COMMAND, compileTokenVersion(northwindTokenVersion)),
  },
];
