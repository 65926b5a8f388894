/** Shipping's generated SQL files besides its rules (applied after table migrations, in name order). */
import { compileGrants } from "../src/engine/security/compile-grants";
import { withHeader, type GeneratedSqlFile } from "../src/engine/sql/generated-files";
import { shippingGrants } from "./grants";

export const shippingGeneratedSql: GeneratedSqlFile[] = [
  {
    path: "sql/shipping/40-grants.sql",
    render: () => withHeader("shipping/grants.ts", "bun run sql:generate", compileGrants(shippingGrants)),
  },
];
