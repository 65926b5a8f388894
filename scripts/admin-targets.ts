/**
 * Which services have an admin app, and what it is generated from: the API's
 * resource registry, the rules (for derived columns' help) and the admin.yaml
 * it merges into. Shared by admin:generate and the admin config tests.
 */
import { join } from "node:path";
import type { ResourceRegistry } from "../src/engine/api";
import type { RuleSet } from "../src/engine/rules";
import { northwindResources } from "../src/northwind/api";
import { northwindRules } from "../src/northwind/rules";
import { shippingResources } from "../shipping/api";
import { shippingRules } from "../shipping/rules";

export const ROOT = join(import.meta.dir, "..");

export interface AdminTarget { title: string; registry: ResourceRegistry; rules: RuleSet; file: string }

export const ADMIN_TARGETS: readonly AdminTarget[] = [
  { title: "Northwind", registry: northwindResources, rules: northwindRules, file: join(ROOT, "src/northwind/admin.yaml") },
  { title: "Shipping", registry: shippingResources, rules: shippingRules, file: join(ROOT, "shipping/admin.yaml") },
];
