/**
 * Access checks pages share, through react-admin's canAccess (data/access.ts):
 * which resources the user may read (so parents it cannot read show as plain
 * values and tabs it cannot read disappear), and which attributes an edit may change.
 */
import { useMemo } from "react";
import { useCanAccessResources } from "react-admin";
import type { AdminResource } from "../../model/admin-model";
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

/** On an edit form: the attributes the user may change (`Type.Attribute` write checks). */
export function useWritable(resource: AdminResource, enabled: boolean): AccessCheck {
  const names = useMemo(() => resource.fields.map((f) => `${resource.type}.${f.name}`), [resource]);
  const check = useCheck("write", names, enabled);
  return { isPending: check.isPending, allowed: (attribute) => !enabled || check.allowed(`${resource.type}.${attribute}`) };
}
