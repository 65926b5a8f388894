/**
 * Northwind's JSON:API configuration: every table of the schema is a resource
 * except the login tables (users, roles, their link), which stay private; the
 * columns the rules derive are read-only.
 */
import { buildRegistry, readOnlyFromRules } from "../engine/api";
import { compileRules, derivedColumns } from "../engine/rules";
import { northwindRules } from "./rules";
import * as schema from "./schema";

export const northwindResources = buildRegistry({
  schema,
  exclude: ["User", "Role", "UserRole"],
  readOnly: readOnlyFromRules(derivedColumns(compileRules(northwindRules))),
});
