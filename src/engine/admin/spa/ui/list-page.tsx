/**
 * A resource's list: the configured columns (parents shown by name, fetched in
 * the same request through `include`), sort by column header, a search box over
 * the searchable attributes, pages with the total from meta.count.
 */
import { CreateButton, Datagrid, ExportButton, List, SearchInput, TopToolbar } from "react-admin";
import type { AdminField, AdminResource } from "../../model/admin-model";
import { Cell } from "./fields";

export function listColumns(resource: AdminResource, except: ReadonlySet<string> = new Set()): AdminField[] {
  const columns = resource.fields.filter((f) => f.list && !f.hidden && !except.has(f.name));
  return columns.length ? columns : resource.fields.filter((f) => f.key);
}

/** The to-one relationships behind the columns, to include with the page. */
export function prefetchFor(columns: readonly AdminField[]): string[] {
  return columns.flatMap((f) => (f.reference ? [f.reference.relationship] : []));
}

export function columnCells(columns: readonly AdminField[]) {
  return columns.map((f) => <Cell key={f.name} field={f} source={f.name} label={f.label} sortable={f.sort} />);
}

export function ListPage({ resource }: { resource: AdminResource }) {
  const columns = listColumns(resource);
  const filters = resource.search.length ? [<SearchInput key="q" source="q" alwaysOn placeholder="Search" />] : undefined;
  return (
    <List resource={resource.type} title={resource.label} filters={filters} perPage={25} sort={{ field: "id", order: "ASC" }}
      queryOptions={{ meta: { prefetch: prefetchFor(columns) } }}
      actions={<TopToolbar><CreateButton label={`Add new ${resource.singular}`} /><ExportButton /></TopToolbar>}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {columnCells(columns)}
      </Datagrid>
    </List>
  );
}
