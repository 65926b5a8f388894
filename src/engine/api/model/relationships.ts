/**
 * Relationships discovered from drizzle foreign keys (single and composite).
 * Naming, deterministic and documented in the OpenAPI description:
 *  - one FK from Child to Parent: Child gets to-one `Parent`, Parent gets to-many `ChildList`;
 *  - several FKs to the same parent, or a self-reference: the role is the FK attribute
 *    name(s) minus a trailing `Id` (`WorksForDepartmentId` → `WorksForDepartment`); Child gets
 *    to-one `<Role>`, Parent gets to-many `<Child>ListBy<Role>`;
 *  - a to-one name equal to an attribute name gets the suffix `Ref` (`ReportsTo` → `ReportsToRef`);
 *  - `names[fkConstraintName]` overrides either name; any remaining clash is a start-up error.
 */
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { AttributeModel, RelationshipModel } from "./resource-model";

export interface RelationshipNameOverride { toOne?: string; toMany?: string }

export const RELATIONSHIP_NAMING_DOC = "Relationships come from foreign keys. One foreign key from Child to Parent: "
  + "Child has to-one `Parent`, Parent has to-many `ChildList`. Several foreign keys to the same parent, or a "
  + "self-reference: the role is the key attribute name(s) without a trailing `Id` (`WorksForDepartmentId` → "
  + "`WorksForDepartment`); Child has to-one `<Role>`, Parent has to-many `<Child>ListBy<Role>`. A to-one name equal "
  + "to an attribute name gets the suffix `Ref` (`ReportsTo` → `ReportsToRef`).";

interface Node { type: string; table: PgTable; attributes: readonly AttributeModel[] }

function roleOf(attributes: readonly AttributeModel[]): string {
  return attributes.map((a) => (a.name.length > 2 && a.name.endsWith("Id") ? a.name.slice(0, -2) : a.name)).join("");
}

function attributeFor(node: Node, column: string): AttributeModel {
  const found = node.attributes.find((a) => a.column === column);
  if (!found) throw new Error(`${node.type}: foreign key column ${column} is not a column of the table`);
  return found;
}

export function discoverRelationships(nodes: readonly Node[],
  overrides: Record<string, RelationshipNameOverride> = {}): Map<string, RelationshipModel[]> {
  const byTable = new Map(nodes.map((n) => [n.table, n]));
  const result = new Map<string, RelationshipModel[]>(nodes.map((n) => [n.type, []]));
  for (const child of nodes) {
    const fks = getTableConfig(child.table).foreignKeys
      .map((fk) => ({ fk, ref: fk.reference() }))
      .filter(({ ref }) => byTable.has(ref.foreignTable));
    for (const { fk, ref } of fks) {
      const parent = byTable.get(ref.foreignTable)!;
      const sameParent = fks.filter((f) => f.ref.foreignTable === ref.foreignTable).length;
      const fkAttributes = ref.columns.map((c) => attributeFor(child, c.name));
      const keyAttributes = ref.foreignColumns.map((c) => attributeFor(parent, c.name));
      const useRole = parent === child || sameParent > 1;
      const role = roleOf(fkAttributes);
      const name = fk.getName();
      let toOne = overrides[name]?.toOne ?? (useRole ? role : parent.type);
      if (!overrides[name]?.toOne && child.attributes.some((a) => a.name === toOne)) toOne = `${toOne}Ref`;
      const toMany = overrides[name]?.toMany ?? (useRole ? `${child.type}ListBy${role}` : `${child.type}List`);
      result.get(child.type)!.push({ name: toOne, kind: "toOne", source: child.type, target: parent.type,
        sourceAttributes: fkAttributes, targetAttributes: keyAttributes, inverse: toMany, foreignKey: name });
      result.get(parent.type)!.push({ name: toMany, kind: "toMany", source: parent.type, target: child.type,
        sourceAttributes: keyAttributes, targetAttributes: fkAttributes, inverse: toOne, foreignKey: name });
    }
  }
  for (const node of nodes) assertNoClash(node, result.get(node.type)!);
  return result;
}

function assertNoClash(node: Node, relationships: readonly RelationshipModel[]): void {
  const seen = new Set(node.attributes.map((a) => a.name));
  for (const r of relationships) {
    if (seen.has(r.name) || r.name === "id" || r.name === "type") {
      throw new Error(`${node.type}: relationship name ${r.name} (foreign key ${r.foreignKey}) clashes with another `
        + "field; rename it with the relationshipNames option");
    }
    seen.add(r.name);
  }
}
