/**
 * `include=OrderList,OrderList.OrderDetailList` → an include tree (shared
 * prefixes merged, every intermediate step included as JSON:API requires), and
 * `fields[Type]=a,b` → sparse fieldsets checked against that type's fields.
 */
import type { ApiError } from "../../http/errors";
import type { ResourceModel, ResourceRegistry } from "../model/resource-model";
import { badParameter, type RawParam } from "./parse-params";
import type { Fieldsets, IncludeNode } from "./query-types";
import { resolveRelationshipPath } from "./resolve-names";

const MAX_INCLUDE_PATHS = 20;
const MAX_INCLUDE_DEPTH = 4;

interface Draft { relationship: IncludeNode["relationship"]; path: string; children: Draft[] }

function freeze(registry: ResourceRegistry, draft: Draft): IncludeNode {
  return { relationship: draft.relationship, target: registry.require(draft.relationship.target), path: draft.path,
    children: draft.children.map((c) => freeze(registry, c)) };
}

export function parseInclude(registry: ResourceRegistry, resource: ResourceModel, params: readonly RawParam[],
  errors: ApiError[]): IncludeNode[] {
  const param = params.find((p) => p.family === "include");
  if (!param || param.value === "") return [];
  if (param.path.length > 0) { errors.push(badParameter(param.name, "include takes no brackets")); return []; }
  const paths = param.value.split(",");
  if (paths.length > MAX_INCLUDE_PATHS) { errors.push(badParameter("include", `at most ${MAX_INCLUDE_PATHS} include paths`)); return []; }
  const roots: Draft[] = [];
  for (const dotted of paths) {
    const names = dotted.split(".");
    if (names.length > MAX_INCLUDE_DEPTH) { errors.push(badParameter("include", `${dotted} is deeper than ${MAX_INCLUDE_DEPTH}`)); continue; }
    const resolved = resolveRelationshipPath(registry, resource, names);
    if (!resolved.ok) { errors.push(badParameter("include", `cannot include ${JSON.stringify(dotted)}: ${resolved.reason}`)); continue; }
    let level = roots;
    for (const [i, relationship] of resolved.value.path.entries()) {
      let found = level.find((d) => d.relationship === relationship);
      if (!found) {
        found = { relationship, path: names.slice(0, i + 1).join("."), children: [] };
        level.push(found);
      }
      level = found.children;
    }
  }
  return roots.map((r) => freeze(registry, r));
}

export function parseFields(registry: ResourceRegistry, params: readonly RawParam[], errors: ApiError[]): Fieldsets {
  const fields = new Map<string, Set<string>>();
  for (const param of params.filter((p) => p.family === "fields")) {
    const type = param.path.length === 1 ? param.path[0]! : "";
    const target = registry.get(type);
    if (!target) { errors.push(badParameter(param.name, `fields are written fields[<Type>]=a,b; ${JSON.stringify(type)} is not a resource type`)); continue; }
    const names = param.value === "" ? [] : param.value.split(",");
    const unknown = names.filter((n) => !target.attribute.has(n) && !target.relationship.has(n));
    if (unknown.length) { errors.push(badParameter(param.name, `${type} has no field ${unknown.join(", ")}`)); continue; }
    fields.set(type, new Set(names));
  }
  return fields;
}
