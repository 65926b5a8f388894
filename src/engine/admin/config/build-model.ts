/**
 * admin.yaml + the API's registry → the AdminModel served to the SPA. The file is
 * merged over the generated defaults first (so a stale file still shows new
 * columns), then checked: every name it uses must exist, show_when must parse.
 * Problems come back together, each naming its resource and field.
 */
import type { ResourceModel, ResourceRegistry } from "../../api";
import type { AdminField, AdminModel, AdminResource, AdminTab } from "../model/admin-model";
import { parseShowWhen } from "../model/show-when";
import { AdminFile, type ResourceEntry } from "./admin-file";
import { generateAdminFile } from "./generate";
import { mergeAdminYaml } from "./merge";

export class AdminConfigError extends Error {
  override readonly name = "AdminConfigError";
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: ${problems.join("; ")}`);
  }
}

export interface BuildModelOptions {
  registry: ResourceRegistry;
  /** admin.yaml's text (undefined: none yet, all defaults). */
  text: string | undefined;
  /** For messages. */
  file: string;
  title: string;
  apiBase?: string;
  /** Default `/api/auth/login`; null for a service without login. */
  loginPath?: string | null;
  /** Default `/api/auth/me` when there is a login; null for none. */
  permissionsPath?: string | null;
}

const SCALE = /^numeric\(\s*\d+\s*,\s*(\d+)\s*\)$/;

function fieldsOf(resource: ResourceModel, entry: ResourceEntry, problems: string[]): AdminField[] {
  const names = new Set(resource.attributes.map((a) => a.name));
  const references = new Map(resource.relationships.filter((r) => r.kind === "toOne" && r.sourceAttributes.length === 1)
    .map((r) => [r.sourceAttributes[0]!.name, { resource: r.target, relationship: r.name }]));
  const fields: AdminField[] = [];
  for (const [name, raw] of Object.entries(entry.attributes ?? {})) {
    const a = resource.attribute.get(name);
    if (!a) { problems.push(`${resource.type}.${name} is not an attribute (run bun run admin:generate to drop it)`); continue; }
    const e = raw ?? {};
    let showWhen;
    if (e.show_when !== undefined) {
      const parsed = parseShowWhen(e.show_when, names);
      if (parsed.ok) showWhen = parsed.condition;
      else problems.push(`${resource.type}.${name}.show_when: ${parsed.error}`);
    }
    // Read-only in the API (derived by a rule): the API's own registry says so, the admin follows.
    const derived = resource.readOnly.has(name);
    const scale = SCALE.exec(a.sqlType)?.[1];
    fields.push({
      name, label: e.label ?? name, kind: a.kind, ...(scale ? { scale: Number(scale) } : {}),
      required: a.notNull && !a.hasDefault && !derived, key: a.primaryKey, derived,
      hidden: e.hidden ?? false, list: e.list ?? false, sort: (e.sort ?? true) && a.kind !== "json",
      ...(e.info ?? resource.readOnly.get(name) ? { info: e.info ?? resource.readOnly.get(name) } : {}), ...(showWhen ? { showWhen } : {}),
      ...(references.has(name) ? { reference: references.get(name)! } : {}),
    });
  }
  return fields;
}

function tabsOf(registry: ResourceRegistry, resource: ResourceModel, entry: ResourceEntry, problems: string[]): AdminTab[] {
  const tabs: AdminTab[] = [];
  for (const tab of entry.tabs ?? []) {
    const r = resource.relationship.get(tab.relationship);
    if (!r || r.kind !== "toMany") { problems.push(`${resource.type}.tabs: ${tab.relationship} is not a to-many relationship`); continue; }
    if (tab.hidden) continue;
    tabs.push({ relationship: r.name, label: tab.label ?? r.name, resource: registry.require(r.target).type,
      foreignKey: r.targetAttributes.map((child, i) => ({ child: child.name, parent: r.sourceAttributes[i]!.name })) });
  }
  return tabs;
}

function resourceOf(registry: ResourceRegistry, resource: ResourceModel, entry: ResourceEntry, problems: string[]): AdminResource {
  const userKey = entry.user_key ?? "id";
  if (userKey !== "id" && !resource.attribute.has(userKey)) problems.push(`${resource.type}.user_key: ${userKey} is not an attribute`);
  const fields = fieldsOf(resource, entry, problems);
  const search = Object.entries(entry.attributes ?? {}).filter(([, e]) => e?.search).map(([n]) => n)
    .filter((n) => ["text", "integer", "other", "uuid"].includes(resource.attribute.get(n)?.kind ?? ""));
  return {
    type: resource.type, label: entry.label ?? resource.type, singular: entry.singular ?? resource.type,
    menu: !entry.hidden,
    key: { attributes: resource.primaryKey.map((a) => a.name), generated: resource.keyGenerated,
      numeric: resource.primaryKey.length === 1 && resource.primaryKey[0]!.kind === "integer" },
    userKey, search, fields, tabs: tabsOf(registry, resource, entry, problems),
  };
}

export function buildAdminModel(opts: BuildModelOptions): AdminModel {
  const generated = generateAdminFile({ registry: opts.registry, title: opts.title });
  let merged: unknown;
  try {
    merged = mergeAdminYaml(opts.text, generated, { prune: false }).config;
  } catch (e) {
    throw new AdminConfigError(opts.file, [e instanceof Error ? e.message : String(e)]);
  }
  const parsed = AdminFile.safeParse(merged);
  if (!parsed.success) {
    throw new AdminConfigError(opts.file, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const problems: string[] = [];
  const resources: AdminResource[] = [];
  for (const [type, entry] of Object.entries(parsed.data.resources ?? {})) {
    const resource = opts.registry.get(type);
    if (!resource) { problems.push(`resources.${type} is not a resource of the API (run bun run admin:generate to drop it)`); continue; }
    resources.push(resourceOf(opts.registry, resource, entry ?? {}, problems));
  }
  if (problems.length) throw new AdminConfigError(opts.file, problems);
  const loginPath = opts.loginPath === undefined ? "/api/auth/login" : opts.loginPath;
  const permissionsPath = loginPath === null ? null : opts.permissionsPath === undefined ? "/api/auth/me" : opts.permissionsPath;
  return { title: parsed.data.title ?? opts.title, apiBase: opts.apiBase ?? "/api", loginPath, permissionsPath, resources };
}
