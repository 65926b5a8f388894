/**
 * The admin model (from /admin/config.json) for every page: which resources
 * exist, their fields, tabs and user keys. Pages look up their resource by type.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { AdminModel, AdminResource } from "../../model/admin-model";

const ModelContext = createContext<AdminModel | undefined>(undefined);

export function ModelProvider(props: { model: AdminModel; children: ReactNode }) {
  return <ModelContext.Provider value={props.model}>{props.children}</ModelContext.Provider>;
}

export function useAdminModel(): AdminModel {
  const model = useContext(ModelContext);
  if (!model) throw new Error("useAdminModel outside ModelProvider");
  return model;
}

export function useAdminResource(type: string): AdminResource {
  const found = useAdminModel().resources.find((r) => r.type === type);
  if (!found) throw new Error(`the admin config has no resource ${type}`);
  return found;
}

/** A record's name for people: its user key, or "Order 10643" when the key is all there is. */
export function represent(resource: AdminResource, record: Record<string, unknown> | undefined): string {
  if (!record) return "";
  const value = resource.userKey === "id" ? undefined : record[resource.userKey];
  return value === null || value === undefined || value === "" ? `${resource.singular} ${String(record.id)}` : String(value);
}
