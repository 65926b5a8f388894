/**
 * Generates the default admin config of a service from its resource registry
 * and rules: every resource with labelled attributes, which are listed, searched
 * and sorted, the user key shown for foreign keys, child tabs, and help text
 * for derived columns. Pure: the caller merges it into admin.yaml (merge.ts).
 */
import type { RuleSet } from "../../rules";
import type { AttributeModel, ResourceModel, ResourceRegistry } from "../../api";
import type { AdminFile, AttributeEntry, ResourceEntry } from "./admin-file";
import { explainDerivedColumns } from "./explain-rules";
import { humanize, plural, singular, tabLabel } from "./labels";

export interface GenerateOptions {
  registry: ResourceRegistry;
  rules?: RuleSet;
  title: string;
}

const LIST_COLUMNS = 8;
const IDENTIFYING_COLUMNS = 3;
const NAME_LIKE = /(Name|Description|Title)$/;
const SEARCH_LIKE = /(Name|Title|Description|City|Country)$/;
const LONG_TEXT = /(Notes|Photo|PhotoPath|HomePage|Description|Picture)$/;

/** Table SQL name → resource type, for rule explanations. */
export function tableNames(registry: ResourceRegistry): (table: string) => string {
  const byTable = new Map(registry.resources.map((r) => [r.tableName, r.type]));
  return (table) => byTable.get(table) ?? table;
}

/**
 * The attribute shown in place of a foreign key: among the first few columns (where
 * a table keeps what identifies a row), a *Name, else a *Description or *Title; else the id.
 */
export function defaultUserKey(resource: ResourceModel): string {
  const early = resource.attributes.filter((a) => !a.primaryKey).slice(0, IDENTIFYING_COLUMNS).filter((a) => a.kind === "text");
  const named = early.find((a) => /Name$/.test(a.name)) ?? early.find((a) => NAME_LIKE.test(a.name));
  return named?.name ?? "id";
}

/** A foreign key is labelled as its parent: CustomerId → "Customer", ProductID → "Product", WorksForDepartmentId → "Works For Department". */
function attributeLabel(a: AttributeModel, references: ReadonlySet<string>): string {
  return humanize(references.has(a.name) && a.name.length > 2 ? a.name.replace(/I[dD]$/, "") : a.name);
}

function referenceAttributes(resource: ResourceModel): Set<string> {
  return new Set(resource.relationships.filter((r) => r.kind === "toOne" && r.sourceAttributes.length === 1)
    .map((r) => r.sourceAttributes[0]!.name));
}

/** Key, user key, foreign keys and derived columns first, then the rest in order, up to LIST_COLUMNS. */
function listColumns(resource: ResourceModel, userKey: string, derived: ReadonlySet<string>): Set<string> {
  const refs = referenceAttributes(resource);
  const usable = resource.attributes.filter((a) => a.kind !== "json");
  const first = usable.filter((a) => a.primaryKey || a.name === userKey || refs.has(a.name) || derived.has(a.name));
  const rest = usable.filter((a) => !first.includes(a) && !LONG_TEXT.test(a.name));
  return new Set([...first, ...rest].slice(0, LIST_COLUMNS).map((a) => a.name));
}

function searchable(a: AttributeModel, userKey: string): boolean {
  if (a.primaryKey) return a.kind === "text" || a.kind === "integer";
  return a.kind === "text" && (a.name === userKey || SEARCH_LIKE.test(a.name));
}

function resourceEntry(registry: ResourceRegistry, resource: ResourceModel, info: ReadonlyMap<string, string>): ResourceEntry {
  const userKey = defaultUserKey(resource);
  const derived = new Set([...info.keys()]);
  const list = listColumns(resource, userKey, derived);
  const references = referenceAttributes(resource);
  const attributes: Record<string, AttributeEntry> = {};
  for (const a of resource.attributes) {
    const entry: AttributeEntry = { label: attributeLabel(a, references), list: list.has(a.name), search: searchable(a, userKey),
      sort: a.kind !== "json" };
    const help = info.get(a.name);
    if (help) entry.info = help;
    attributes[a.name] = entry;
  }
  const tabs = resource.relationships.filter((r) => r.kind === "toMany").map((r) => ({
    relationship: r.name,
    label: tabLabel(r.name, r.target, plural(humanize(registry.require(r.target).type))),
  }));
  return { label: plural(humanize(resource.type)), singular: singular(humanize(resource.type)), user_key: userKey, attributes,
    ...(tabs.length ? { tabs } : {}) };
}

export function generateAdminFile(opts: GenerateOptions): AdminFile {
  const names = tableNames(opts.registry);
  const derived = opts.rules ? explainDerivedColumns(opts.rules, names) : [];
  const resources: Record<string, ResourceEntry> = {};
  for (const resource of opts.registry.resources) {
    const info = new Map(derived.filter((d) => d.table === resource.tableName).map((d) => [d.attribute, d.info]));
    resources[resource.type] = resourceEntry(opts.registry, resource, info);
  }
  return { title: opts.title, resources };
}
