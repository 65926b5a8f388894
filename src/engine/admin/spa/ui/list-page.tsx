/**
 * A resource's list: the configured columns (parents shown by name, fetched in
 * the same request through `include`, when the user may read them), sort by
 * column header, a search box over the searchable attributes, pages with the
 * total from meta.count; "Add new" only for users who may create.
 */
import { AccessDenied, CreateButton, Datagrid, ExportButton, List, SearchInput, TopToolbar } from "react-admin";
import type { AdminField, AdminResource } from "../../model/admin-model";
import { useReadable, type AccessCheck } from "./access";
import { Cell } from "./fields";

export function listColumns(resource: AdminResource, except: ReadonlySet<string> = new Set()): AdminField[] {
  const columns = resource.fields.filter((f) => f.list && !f.hidden && !except.has(f.name));
  return columns.length ? columns : resource.fields.filter((f) => f.key);
}

/** The to-one relationships behind the columns, to include with the page: a parent the user cannot read would fail it. */
export function prefetchFor(columns: readonly AdminField[], readable: AccessCheck): string[] {
  return columns.flatMap((f) => (f.reference && readable.allowed(f.reference.resource) ? [f.reference.relationship] : []));
}

export function columnCells(columns: readonly AdminField[]) {
  return columns.map((f) => <Cell key={f.name} field={f} source={f.name} label={f.label} sortable={f.sort} />);
}

export function ListPage({ resource }: { resource: AdminResource }) {
  const readable = useReadable();
  const columns = listColumns(resource);
  // Waiting for access keeps the first request's includes right (no second fetch).
  if (readable.isPending) return null;
  // react-admin's own check redirects only after its first request, which the API would refuse.
  if (!readable.allowed(resource.type)) return <AccessDenied />;
  const filters = resource.search.length ? [<SearchInput key="q" source="q" alwaysOn placeholder="Search" />] : undefined;
  return (
    <List resource={resource.type} title={resource.label} filters={filters} perPage={25} sort={{ field: "id", order: "ASC" }}
      queryOptions={{ meta: { prefetch: prefetchFor(columns, readable) } }}
      actions={<TopToolbar><CreateButton label={`Add new ${resource.singular}`} /><ExportButton /></TopToolbar>}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {columnCells(columns)}
      </Datagrid>
    </List>
  );
}
