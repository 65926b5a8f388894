/**
 * A child list on a parent's show page (Customer → Orders, Order → Order
 * Details): read through the related endpoint, with "Add new …" pre-filling the
 * foreign key from the parent (shown only to users who may create the child),
 * and rows that open the child.
 */
import { Box, Typography } from "@mui/material";
import { CreateButton, Datagrid, Pagination, ReferenceManyField, useRecordContext } from "react-admin";
import type { AdminResource, AdminTab } from "../../model/admin-model";
import { useReadable, useReadableResource } from "./access";
import { columnCells, listColumns, prefetchFor } from "./list-page";
import { useAdminResource } from "./model-context";

export function ChildTab({ parent, tab }: { parent: AdminResource; tab: AdminTab; label?: false }) {
  const record = useRecordContext();
  const role = useReadableResource(useAdminResource(tab.resource));
  const child = role.resource;
  const readable = useReadable();
  if (!record || readable.isPending || role.isPending) return null;
  const columns = listColumns(child, new Set(tab.foreignKey.map((k) => k.child)));
  const prefill = Object.fromEntries(tab.foreignKey.map((k) => [k.child, record[k.parent]]));
  return (
    <Box className={`admin-tab admin-tab-${tab.relationship}`}>
      <CreateButton resource={child.type} state={{ record: prefill }} label={`Add new ${child.singular}`}
        className="admin-add-child" sx={{ mb: 1 }} />
      <ReferenceManyField reference={child.type} target={tab.foreignKey[0]?.child ?? "id"} perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        queryOptions={{ meta: { relationship: tab.relationship, parent: parent.type, prefetch: prefetchFor(columns, readable) } }}>
        <Datagrid rowClick="show" bulkActionButtons={false}
          empty={<Typography variant="body2" color="text.secondary">No {tab.label.toLowerCase()} yet.</Typography>}>
          {columnCells(columns)}
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
}
