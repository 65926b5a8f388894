/**
 * `filter` parameters → a Filter tree. Grammar (all conditions AND'ed):
 *   filter[Attr]=v            equality; a comma list means `in`
 *   filter[Attr][op]=v        op: eq ne lt le gt ge in notin like ilike null notnull
 *   filter[Rel.Attr]=v        an attribute of a related resource (to-one: the parent
 *                             matches; to-many: some child matches)
 *   filter[or][i][…]=v        groups i = 0, 1, …: each group AND'ed inside, groups OR'ed
 */
import type { ApiError } from "../../http/errors";
import type { ResourceModel, ResourceRegistry } from "../model/resource-model";
import { parseText } from "../model/values";
import { badParameter, type RawParam } from "./parse-params";
import { FILTER_OPS, type Filter, type FilterOp, type ParamValue } from "./query-types";
import { resolveAttributePath } from "./resolve-names";

/**
 * Bounds on what one request may ask the database to do: each or-group and each
 * relationship a filter follows adds joins, and a few requests with hundreds of them
 * could hold every pooled connection for seconds.
 */
export const MAX_OR_GROUPS = 20;
export const MAX_FILTER_HOPS = 3;

const SINGLE: ReadonlySet<FilterOp> = new Set(["eq", "ne", "lt", "le", "gt", "ge", "like", "ilike"]);

interface Entry { readonly param: RawParam; readonly path: readonly string[] }

export function parseFilter(registry: ResourceRegistry, resource: ResourceModel, params: readonly RawParam[],
  errors: ApiError[]): Filter | undefined {
  const entries = params.filter((p) => p.family === "filter").map((param) => ({ param, path: param.path }));
  if (entries.length === 0) return undefined;
  return conjunction(registry, resource, entries, errors);
}

function conjunction(registry: ResourceRegistry, resource: ResourceModel, entries: readonly Entry[], errors: ApiError[]): Filter {
  const items: Filter[] = [];
  const groups = new Map<number, Entry[]>();
  for (const entry of entries) {
    const [head, index, ...rest] = entry.path;
    if (head === "or") {
      // One spelling per group (0, not 00), so two spellings cannot silently merge into one group.
      if (index === undefined || !/^(0|[1-9]\d?)$/.test(index) || Number(index) >= MAX_OR_GROUPS || rest.length === 0) {
        errors.push(badParameter(entry.param.name,
          `an or-group is written filter[or][<n>][<Attr>]=<value>, with n from 0 to ${MAX_OR_GROUPS - 1}`));
        continue;
      }
      const list = groups.get(Number(index)) ?? [];
      list.push({ param: entry.param, path: rest });
      groups.set(Number(index), list);
    } else {
      const condition = parseCondition(registry, resource, entry, errors);
      if (condition) items.push(condition);
    }
  }
  if (groups.size > 0) {
    const ordered = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => conjunction(registry, resource, g, errors));
    items.push({ kind: "or", items: ordered });
  }
  return items.length === 1 ? items[0]! : { kind: "and", items };
}

function parseCondition(registry: ResourceRegistry, resource: ResourceModel, entry: Entry, errors: ApiError[]): Filter | undefined {
  const { param, path } = entry;
  const fail = (detail: string) => { errors.push(badParameter(param.name, detail)); return undefined; };
  if (path.length === 0 || path.length > 2 || path[0] === "") return fail("a filter is written filter[<Attr>]=<value> or filter[<Attr>][<op>]=<value>");
  if (path[0]!.split(".").length - 1 > MAX_FILTER_HOPS) {
    return fail(`a filter may follow at most ${MAX_FILTER_HOPS} relationships`);
  }
  const resolved = resolveAttributePath(registry, resource, path[0]!);
  if (!resolved.ok) return fail(resolved.reason);
  const { attribute } = resolved.value;
  const opText = path[1] ?? (param.value.includes(",") ? "in" : "eq");
  if (!(FILTER_OPS as readonly string[]).includes(opText)) return fail(`unknown filter operator ${opText}; use one of ${FILTER_OPS.join(", ")}`);
  let op = opText as FilterOp;
  if (op === "null" || op === "notnull") {
    if (!["", "true", "false"].includes(param.value)) return fail(`${op} takes no value, or true/false`);
    if (param.value === "false") op = op === "null" ? "notnull" : "null";
    return { kind: "condition", path: resolved.value.path, attribute, op, values: [] };
  }
  if ((op === "like" || op === "ilike") && attribute.kind !== "text") return fail(`${op} applies to text attributes; ${attribute.name} is ${attribute.kind}`);
  if ((op === "like" || op === "ilike") && endsInEscape(param.value)) {
    return fail(`the ${op} pattern may not end in the escape character \\; write \\\\ for a backslash, \\% or \\_ for a literal % or _`);
  }
  const texts = SINGLE.has(op) ? [param.value] : param.value.split(",");
  const values: ParamValue[] = [];
  for (const text of texts) {
    const parsed = parseText(attribute, text);
    if (!parsed.ok) return fail(`${JSON.stringify(text)} is not valid for ${attribute.name}: expected ${parsed.expected}`);
    values.push(parsed.value);
  }
  return { kind: "condition", path: resolved.value.path, attribute, op, values };
}

/** True when the pattern ends in an unpaired backslash, which Postgres refuses (SQLSTATE 22025). */
function endsInEscape(pattern: string): boolean {
  const trailing = pattern.length - pattern.replace(/\\+$/, "").length;
  return trailing % 2 === 1;
}
