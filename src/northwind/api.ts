/**
 * Northwind's JSON:API configuration: every table of the schema is a resource
 * except the login tables (users, roles, their link), which stay private.
 */
import { buildRegistry } from "../engine/api";
import * as schema from "./schema";

export const northwindResources = buildRegistry({
  schema,
  exclude: ["User", "Role", "UserRole"],
});
