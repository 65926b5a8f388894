/**
 * A role's view of the registry: each resource keeps only the attributes the
 * role may read, and only the relationships whose join attributes it can read on
 * both sides, so every read (lists, single rows, includes, sparse fieldsets,
 * filters, sorts, relationship endpoints) selects and accepts those alone.
 * Relationships to resources the role cannot read at all disappear too. The
 * role's operations and column limits on writes ride along for the handlers to
 * check before any SQL, so a refusal names the resource and attribute.
 */
import type { ResourceModel, ResourceRegistry } from "./resource-model";

/** What a role may do with one resource: its operations and, where limited, the attributes each covers (absent = all). */
export interface AttributeLimits {
  readonly select: boolean;
  readonly insert: boolean;
  readonly update: boolean;
  readonly delete: boolean;
  readonly readableAttributes?: readonly string[];
  readonly insertableAttributes?: readonly string[];
  readonly updatableAttributes?: readonly string[];
}

/** A role (by a stable name, the cache key) and its limits per resource type. */
export interface RoleAccess {
  readonly role: string;
  readonly resources: Readonly<Record<string, AttributeLimits | undefined>>;
}

const asSet = (names: readonly string[] | undefined) => (names ? new Set(names) : undefined);

export function restrictRegistry(registry: ResourceRegistry, access: RoleAccess): ResourceRegistry {
  const readable = (r: ResourceModel, name: string) => {
    const only = access.resources[r.type]?.readableAttributes;
    return !only || only.includes(name) || r.attribute.get(name)?.primaryKey === true;
  };
  const resources = registry.resources.map((r): ResourceModel => {
    const limits = access.resources[r.type];
    const operations = new Set((["select", "insert", "update", "delete"] as const).filter((op) => limits?.[op] === true));
    const attributes = r.attributes.filter((a) => readable(r, a.name));
    // Relationships may lead to a restricted resource, so they are filtered below.
    return { ...r, attributes, attribute: new Map(attributes.map((a) => [a.name, a])), operations,
      writeLimits: { insert: asSet(limits?.insertableAttributes), update: asSet(limits?.updatableAttributes) } };
  });
  for (const r of resources) {
    const relationships = r.relationships.filter((rel) => {
      const target = registry.require(rel.target);
      return access.resources[rel.target]?.select === true
        && rel.sourceAttributes.every((a) => readable(r, a.name)) && rel.targetAttributes.every((a) => readable(target, a.name));
    });
    Object.assign(r, { relationships, relationship: new Map(relationships.map((rel) => [rel.name, rel])) });
  }
  const byType = new Map(resources.map((r) => [r.type, r]));
  return {
    resources,
    get: (type) => byType.get(type),
    require(type) {
      const found = byType.get(type);
      if (!found) throw new Error(`unknown resource type ${type}`);
      return found;
    },
  };
}

/** One view per role, built on first use. */
export function roleViews(registry: ResourceRegistry): (access: RoleAccess | undefined) => ResourceRegistry {
  const views = new Map<string, ResourceRegistry>();
  return (access) => {
    if (!access) return registry;
    let view = views.get(access.role);
    if (!view) views.set(access.role, view = restrictRegistry(registry, access));
    return view;
  };
}
