/**
 * The page title for one record, by its user key: "Customer Alfreds Futterkiste",
 * "Order 10643" (a resource whose user key is its id).
 */
import { useRecordContext } from "react-admin";
import type { AdminResource } from "../../model/admin-model";
import { represent } from "./model-context";

export function RecordTitle({ resource }: { resource: AdminResource }) {
  const record = useRecordContext();
  const name = represent(resource, record);
  return <span>{name.startsWith(resource.singular) ? name : `${resource.singular} ${name}`}</span>;
}
