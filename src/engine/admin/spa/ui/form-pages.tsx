/**
 * Create and edit pages. Edits are pessimistic (the server's rules decide before
 * anything shows as saved) and carry the version they started from, so a stale
 * save is refused; server errors appear above the form.
 */
import { Create, Edit, SimpleForm } from "react-admin";
import type { AdminResource } from "../../model/admin-model";
import { FormInputs } from "./inputs";
import { RecordTitle } from "./record-title";
import { ServerError } from "./server-error";
import { CreateToolbar, EditToolbar } from "./toolbars";

const FORM_WIDTH = { maxWidth: 760 };

export function CreatePage({ resource }: { resource: AdminResource }) {
  return (
    <Create resource={resource.type} redirect="show" title={`New ${resource.singular}`}>
      <SimpleForm toolbar={<CreateToolbar singular={resource.singular} />} sx={FORM_WIDTH}>
        <ServerError />
        <FormInputs resource={resource} mode="create" />
      </SimpleForm>
    </Create>
  );
}

export function EditPage({ resource }: { resource: AdminResource }) {
  return (
    <Edit resource={resource.type} mutationMode="pessimistic" redirect="show" title={<RecordTitle resource={resource} />}>
      <SimpleForm toolbar={<EditToolbar />} sx={FORM_WIDTH}>
        <ServerError />
        <FormInputs resource={resource} mode="edit" />
      </SimpleForm>
    </Edit>
  );
}
