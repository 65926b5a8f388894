/**
 * Access checks pages share, through react-admin's canAccess (data/access.ts):
 * which resources the user may read (so parents it cannot read show as plain
 * values and tabs it cannot read disappear), which attributes it may see (the
 * others are left off every page), and which attributes an edit or a new record may set.
 */
import { useMemo } from "react";
import { useCanAccessResources } from "react-admin";
import type { AdminResource } from "../../model/admin-model";
import { readableResource } from "../data/access";
import { useAdminModel } from "./model-context";

// One query per question, not per record: the record context would otherwise be part of the cache key.
const NO_RECORD = {};

export interface AccessCheck { isPending: boolean; allowed(name: string): boolean }

function useCheck(action: string, resources: string[], enabled = true): AccessCheck {
  const { canAccess, isPending } = useCanAccessResources({ action, resources, record: NO_RECORD, enabled });
  return { isPending: enabled && isPending, allowed: (name) => canAccess?.[name] === true };
}

/** The resource types the user may read (list and show). */
export function useReadable(): AccessCheck {
  const model = useAdminModel();
  const types = useMemo(() => model.resources.map((r) => r.type), [model]);
  return useCheck("list", types);
}

/** On a form: the attributes the user may change (`write`, edits) or set (`create`, new records). */
export function useWritable(resource: AdminResource, enabled: boolean, action: "write" | "create" = "write"): AccessCheck {
  const names = useMemo(() => resource.fields.map((f) => `${resource.type}.${f.name}`), [resource]);
  const check = useCheck(action, names, enabled);
  return { isPending: check.isPending, allowed: (attribute) => !enabled || check.allowed(`${resource.type}.${attribute}`) };
}

/** The resource with only the fields the user may read (`read` checks); pending until access is known. */
export function useReadableResource(resource: AdminResource): { isPending: boolean; resource: AdminResource } {
  const names = useMemo(() => resource.fields.map((f) => `${resource.type}.${f.name}`), [resource]);
  const check = useCheck("read", names);
  const { isPending, allowed } = check;
  const visible = isPending ? resource : readableResource(resource, (name) => allowed(`${resource.type}.${name}`));
  return { isPending, resource: visible };
}
