/**
 * Compound documents: matches included rows to the rows above them by the
 * relationship's join columns, fills `relationships.*.data`, and lists every
 * included resource once (never one already in primary data).
 */
import { encodeId } from "../model/id-codec";
import type { ResourceModel } from "../model/resource-model";
import type { Fieldsets, IncludeNode } from "../query/query-types";
import type { Row } from "../transaction";
import { toResourceObject, type Identifier, type Linkage, type ResourceObject } from "./serialize";

interface Entry { resource: ResourceModel; row: Row; linkage: Map<string, Linkage> }

const keyOf = (row: Row, names: readonly string[]) => JSON.stringify(names.map((n) => row[n] ?? null));

/** `includeRows` holds each include level's rows; `includes` are the top-level nodes. */
export function assemble(basePath: string, fields: Fieldsets, resource: ResourceModel, rows: readonly Row[],
  includes: readonly IncludeNode[], includeRows: ReadonlyMap<IncludeNode, readonly Row[]>,
): { data: ResourceObject[]; included: ResourceObject[] } {
  const primary = new Map<string, Entry>();
  const primaryEntries = rows.map((row) => {
    const entry: Entry = { resource, row, linkage: new Map() };
    primary.set(`${resource.type}:${encodeId(resource, row)}`, entry);
    return entry;
  });
  const included = new Map<string, Entry>();
  const link = (parents: readonly Entry[], nodes: readonly IncludeNode[]) => {
    for (const node of nodes) {
      const { relationship, target } = node;
      const children = new Map<string, Entry[]>();
      for (const row of includeRows.get(node) ?? []) {
        const key = `${target.type}:${encodeId(target, row)}`;
        const entry = primary.get(key) ?? included.get(key) ?? { resource: target, row, linkage: new Map() };
        if (!primary.has(key)) included.set(key, entry);
        const join = keyOf(row, relationship.targetAttributes.map((a) => a.name));
        const list = children.get(join);
        if (list) list.push(entry); else children.set(join, [entry]);
      }
      for (const parent of parents) {
        const matched = children.get(keyOf(parent.row, relationship.sourceAttributes.map((a) => a.name))) ?? [];
        const ids: Identifier[] = matched.map((m) => ({ type: target.type, id: encodeId(target, m.row) }));
        parent.linkage.set(relationship.name, relationship.kind === "toOne" ? ids[0] ?? null : ids);
      }
      link([...new Set([...children.values()].flat())], node.children);
    }
  };
  link(primaryEntries, includes);
  const render = (e: Entry) => toResourceObject(basePath, e.resource, e.row, fields, e.linkage);
  return { data: primaryEntries.map(render), included: [...included.values()].map(render) };
}
