/**
 * Stage 3 for writes. Each write returns the row as the resource select list,
 * so the response (with the new version, and values set by BEFORE triggers)
 * needs no second query. Version guards are `xmin::text = any($versions)`.
 */
import type { AttributeModel, ResourceModel } from "../model/resource-model";
import { keyCondition, resourceColumns, tableRef, versionCondition } from "./build-common";
import { ROOT } from "./build-select";
import { and, param, type Delete, type Expr, type Insert, type Select, type Update } from "./sql-ast";

export interface ColumnValue { readonly attribute: AttributeModel; readonly value: unknown }

function guarded(resource: ResourceModel, key: readonly unknown[], versions: readonly string[] | undefined): Expr {
  const byKey = keyCondition(resource, ROOT, key);
  return versions ? and([byKey, versionCondition(ROOT, versions)]) : byKey;
}

export function insertRow(resource: ResourceModel, values: readonly ColumnValue[]): Insert {
  return { kind: "insert", table: tableRef(resource, ROOT),
    values: values.map((v) => ({ column: v.attribute.column, value: param(v.value) })),
    returning: resourceColumns(resource, ROOT) };
}

export function updateRow(resource: ResourceModel, key: readonly unknown[], values: readonly ColumnValue[],
  versions: readonly string[] | undefined): Update {
  return { kind: "update", table: tableRef(resource, ROOT),
    set: values.map((v) => ({ column: v.attribute.column, value: param(v.value) })),
    where: guarded(resource, key, versions), returning: resourceColumns(resource, ROOT) };
}

export function deleteRow(resource: ResourceModel, key: readonly unknown[], versions: readonly string[] | undefined): Delete {
  return { kind: "delete", table: tableRef(resource, ROOT), where: guarded(resource, key, versions),
    returning: [{ expr: { kind: "one" }, as: "deleted" }] };
}

/** A version-guarded read, for a PATCH that changes nothing. */
export function selectGuarded(resource: ResourceModel, key: readonly unknown[], versions: readonly string[] | undefined): Select {
  // An update that changes nothing is still an update: FOR UPDATE makes Postgres check the role's
  // UPDATE privilege and row policies, so a role that may not update gets 403 (or 404), not 200.
  return { kind: "select", columns: resourceColumns(resource, ROOT), from: tableRef(resource, ROOT),
    where: guarded(resource, key, versions), forUpdate: true };
}

/** The current version of a row, to tell "gone" (404) from "changed" (412) after a guarded write missed. */
export function selectVersion(resource: ResourceModel, key: readonly unknown[]): Select {
  return { kind: "select", columns: [{ expr: { kind: "version", alias: ROOT }, as: "version" }], from: tableRef(resource, ROOT),
    where: keyCondition(resource, ROOT, key) };
}
