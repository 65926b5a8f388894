/**
 * Shipping's JSON:API configuration: every Shipping table is a resource except
 * the inbox, which belongs to the consumer; rule-derived columns are read-only.
 */
import { buildRegistry, readOnlyFromRules } from "../src/engine/api";
import { compileRules, derivedColumns } from "../src/engine/rules";
import { shippingRules } from "./rules";
import * as schema from "./schema";

export const shippingResources = buildRegistry({
  schema,
  exclude: ["Inbox"],
  readOnly: readOnlyFromRules(derivedColumns(compileRules(shippingRules))),
});
