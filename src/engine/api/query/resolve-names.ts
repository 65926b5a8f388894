/**
 * Resolves dotted names against the model: `Customer.Country` on Order is the
 * relationship Customer then the attribute Country of Customer. Returns a
 * reason instead of throwing, so the caller can name the query parameter.
 */
import type { AttributeModel, RelationshipModel, ResourceModel, ResourceRegistry } from "../model/resource-model";

export type Resolved<T> = { ok: true; value: T } | { ok: false; reason: string };

export function resolveRelationshipPath(registry: ResourceRegistry, resource: ResourceModel,
  names: readonly string[]): Resolved<{ path: RelationshipModel[]; target: ResourceModel }> {
  const path: RelationshipModel[] = [];
  let current = resource;
  for (const name of names) {
    const relationship = current.relationship.get(name);
    if (!relationship) return { ok: false, reason: `${current.type} has no relationship ${name}` };
    path.push(relationship);
    current = registry.require(relationship.target);
  }
  return { ok: true, value: { path, target: current } };
}

export function resolveAttributePath(registry: ResourceRegistry, resource: ResourceModel,
  dotted: string): Resolved<{ path: RelationshipModel[]; attribute: AttributeModel }> {
  const names = dotted.split(".");
  const last = names.pop()!;
  const walked = resolveRelationshipPath(registry, resource, names);
  if (!walked.ok) return walked;
  const attribute = walked.value.target.attribute.get(last);
  if (!attribute) return { ok: false, reason: `${walked.value.target.type} has no attribute ${last}` };
  return { ok: true, value: { path: walked.value.path, attribute } };
}
