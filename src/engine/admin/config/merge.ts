/**
 * Merges a freshly generated admin config into the user's admin.yaml without
 * overwriting an edit: what the file says stays (values, order, comments); what
 * the schema gained is added next to its neighbours; with `prune`, what the
 * schema lost is removed. A key the user deleted comes back with its default.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import type { AdminFile, AttributeEntry, ResourceEntry, TabEntry } from "./admin-file";

export interface MergeOptions {
  /** Remove resources, attributes and tabs the schema no longer has (admin:generate); off when loading. */
  prune: boolean;
  /** The comment that opens a new file. */
  header?: string;
}

export interface MergeResult { text: string; notes: string[]; config: unknown }

const RESOURCE_KEYS = ["label", "singular", "hidden", "user_key", "attributes", "tabs"] as const;

function keyOf(item: { key: unknown }): string {
  return isScalar(item.key) ? String(item.key.value) : String(item.key);
}

/** Inserts `key` before the first existing key that comes after it in `order`, else at the end. */
function insertKey(doc: Document, map: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
  const later = order.slice(order.indexOf(key) + 1);
  const found = map.items.findIndex((item) => later.includes(keyOf(item)));
  map.items.splice(found >= 0 ? found : map.items.length, 0, doc.createPair(key, value));
}

function attributeNode(doc: Document, entry: AttributeEntry): Node {
  const node = doc.createNode(entry) as YAMLMap;
  // One line per attribute keeps the file scannable; entries with help text read better as blocks.
  node.flow = entry.info === undefined;
  return node;
}

function tabsNode(doc: Document, tabs: readonly TabEntry[]): Node {
  const seq = doc.createNode([]) as YAMLSeq;
  for (const tab of tabs) seq.items.push(flowMap(doc, tab));
  return seq;
}

function flowMap(doc: Document, value: object): YAMLMap {
  const node = doc.createNode(value) as YAMLMap;
  node.flow = true;
  return node;
}

function attributesNode(doc: Document, attributes: ResourceEntry["attributes"]): YAMLMap {
  const node = doc.createNode({}) as YAMLMap;
  for (const [name, a] of Object.entries(attributes ?? {})) node.items.push(doc.createPair(name, attributeNode(doc, a ?? {})));
  return node;
}

function resourceNode(doc: Document, entry: ResourceEntry): Node {
  const { attributes, tabs, ...rest } = entry;
  const node = doc.createNode(rest) as YAMLMap;
  node.items.push(doc.createPair("attributes", attributesNode(doc, attributes)));
  if (tabs) node.items.push(doc.createPair("tabs", tabsNode(doc, tabs)));
  return node;
}

function addMissingKeys(doc: Document, map: YAMLMap, entry: object, order: readonly string[]): void {
  for (const [key, value] of Object.entries(entry)) if (!map.has(key)) insertKey(doc, map, key, value, order);
}

function mergeAttributes(doc: Document, map: YAMLMap, generated: Record<string, AttributeEntry | null>, where: string,
  opts: MergeOptions, notes: string[]): void {
  const names = Object.keys(generated);
  for (const [i, name] of names.entries()) {
    const entry = generated[name] ?? {};
    const existing = map.get(name, true);
    if (isMap(existing)) addMissingKeys(doc, existing, entry, Object.keys(entry));
    else if (map.has(name)) map.set(name, attributeNode(doc, entry));
    else {
      // Next to its schema neighbour: after the nearest earlier attribute the file has, else first.
      const previous = names.slice(0, i).reverse().find((n) => map.has(n));
      const index = previous === undefined ? 0 : map.items.findIndex((item) => keyOf(item) === previous) + 1;
      map.items.splice(index, 0, doc.createPair(name, attributeNode(doc, entry)));
      notes.push(`added ${where}.${name}`);
    }
  }
  prune(map, new Set(names), where, opts, notes);
}

function prune(map: YAMLMap, keep: ReadonlySet<string>, where: string, opts: MergeOptions, notes: string[]): void {
  if (!opts.prune) return;
  for (const key of map.items.map(keyOf)) {
    if (keep.has(key)) continue;
    map.delete(key);
    notes.push(`removed ${where ? `${where}.` : ""}${key} (not in the schema)`);
  }
}

function mergeTabs(doc: Document, resource: YAMLMap, tabs: readonly TabEntry[] | undefined, where: string,
  opts: MergeOptions, notes: string[]): void {
  const node = resource.get("tabs", true);
  if (!isSeq(node)) {
    if (!tabs?.length) return;
    if (resource.has("tabs")) resource.set("tabs", tabsNode(doc, tabs));
    else insertKey(doc, resource, "tabs", tabsNode(doc, tabs), RESOURCE_KEYS);
    return;
  }
  const byName = new Map(tabs?.map((t) => [t.relationship, t]) ?? []);
  const present = new Set<string>();
  node.items = node.items.filter((item) => {
    const name = isMap(item) ? String(item.get("relationship")) : "";
    const generated = byName.get(name);
    if (!generated && opts.prune) { notes.push(`removed ${where}.tabs.${name} (not in the schema)`); return false; }
    if (generated && isMap(item)) addMissingKeys(doc, item, generated, Object.keys(generated));
    present.add(name);
    return true;
  });
  for (const tab of tabs ?? []) {
    if (present.has(tab.relationship)) continue;
    node.items.push(flowMap(doc, tab));
    notes.push(`added ${where}.tabs.${tab.relationship}`);
  }
}

function mergeResource(doc: Document, node: YAMLMap, entry: ResourceEntry, type: string, opts: MergeOptions, notes: string[]): void {
  const { attributes, tabs, ...scalars } = entry;
  addMissingKeys(doc, node, scalars, RESOURCE_KEYS);
  const attrs = node.get("attributes", true);
  if (isMap(attrs)) mergeAttributes(doc, attrs, attributes ?? {}, type, opts, notes);
  else if (node.has("attributes")) node.set("attributes", attributesNode(doc, attributes));
  else insertKey(doc, node, "attributes", attributesNode(doc, attributes), RESOURCE_KEYS);
  mergeTabs(doc, node, tabs, type, opts, notes);
}

export function mergeAdminYaml(existing: string | undefined, generated: AdminFile, opts: MergeOptions): MergeResult {
  const fresh = existing === undefined || existing.trim() === "";
  const doc: Document = fresh ? new Document({}) : parseDocument(existing);
  if (doc.errors.length) throw new Error(`admin config is not valid YAML: ${doc.errors[0]!.message}`);
  if (fresh && opts.header) doc.commentBefore = opts.header;
  const notes: string[] = [];
  const root = doc.contents;
  if (!isMap(root)) throw new Error("admin config must be a YAML mapping with title and resources");
  if (!root.has("title") && generated.title !== undefined) insertKey(doc, root, "title", generated.title, ["title", "resources"]);
  const existingResources: unknown = root.get("resources", true);
  const map = isMap(existingResources) ? existingResources : (doc.createNode({}) as YAMLMap);
  if (!isMap(existingResources)) root.set("resources", map);
  for (const [type, entry] of Object.entries(generated.resources ?? {})) {
    const node = map.get(type, true);
    if (isMap(node)) mergeResource(doc, node, entry ?? {}, type, opts, notes);
    else {
      map.set(type, resourceNode(doc, entry ?? {}));
      if (!fresh) notes.push(`added resource ${type}`);
    }
  }
  prune(map, new Set(Object.keys(generated.resources ?? {})), "", opts, notes);
  return { text: doc.toString({ lineWidth: 0 }), notes, config: doc.toJS() };
}
