/**
 * How one attribute is edited: foreign keys are lookups (type the parent's name,
 * the key is set) when the user may read the parent, derived values and those the
 * user's role may not change are read-only with a reason, required columns are
 * validated, and show_when follows the values being typed.
 */
import { Box, Typography } from "@mui/material";
import {
  AutocompleteInput, BooleanInput, DateInput, DateTimeInput, NumberInput, ReferenceInput, TextInput, required,
} from "react-admin";
import type { AdminField, AdminResource } from "../../model/admin-model";
import { useReadable, useWritable } from "./access";
import { FieldValue } from "./fields";
import { represent, useAdminResource } from "./model-context";
import { WhenForm } from "./show-when";

export type FormMode = "create" | "edit";

const MULTILINE = /(Notes|Description|Address)$/;

const NOT_YOURS = "Your role may not change this.";

function Lookup({ field, mode }: { field: AdminField; mode: FormMode }) {
  const parent = useAdminResource(field.reference!.resource);
  const readable = useReadable();
  if (readable.isPending) return null;
  // A parent the user cannot read cannot be looked up: the key is typed instead.
  if (!readable.allowed(parent.type)) return <Editor field={{ ...field, reference: undefined }} mode={mode} />;
  const validate = validation(field, mode);
  return (
    <ReferenceInput source={field.name} reference={parent.type} perPage={20}>
      <AutocompleteInput label={field.label} optionText={(r: Record<string, unknown>) => represent(parent, r)}
        filterToQuery={(q: string) => (q ? { q } : {})} validate={validate} helperText={field.info ?? false} fullWidth />
    </ReferenceInput>
  );
}

/** A value in a form that is shown, never edited: derived (with how), or not the user's to change. */
function ReadOnly({ field, kind, info }: { field: AdminField; kind: "derived" | "readonly"; info?: string }) {
  return (
    <Box className={`admin-${kind} admin-field-${field.name}`} data-field={field.name} sx={{ mb: 2 }}>
      <Typography variant="caption" color="text.secondary" component="div">{field.label}</Typography>
      <FieldValue field={field} />
      {info && <Typography variant="caption" color="text.secondary" component="div" className="admin-info">{info}</Typography>}
    </Box>
  );
}

const validation = (field: AdminField, mode: FormMode) =>
  field.required && !(field.key && mode === "edit") ? required() : undefined;

function Editor({ field, mode }: { field: AdminField; mode: FormMode }) {
  const validate = validation(field, mode);
  const common = { source: field.name, label: field.label, validate, helperText: field.info ?? false, fullWidth: true };
  if (field.key && mode === "edit") return <TextInput {...common} disabled />;
  if (field.reference) return <Lookup field={field} mode={mode} />;
  switch (field.kind) {
    case "boolean":
      return <BooleanInput source={field.name} label={field.label} helperText={field.info ?? false} />;
    case "integer":
    case "bigint":
    case "numeric":
    case "float":
      return <NumberInput {...common} step={field.scale ? 10 ** -field.scale : 1} />;
    case "date":
      return <DateInput {...common} />;
    case "timestamp":
      return <DateTimeInput {...common} />;
    case "json":
      return <ReadOnly field={field} kind="derived" info={field.info} />;
    default:
      return <TextInput {...common} multiline={MULTILINE.test(field.name)} />;
  }
}

/**
 * The form's inputs: on create, derived values and generated keys are left to the
 * server, and so are those the user's role may not set; on edit, attributes the
 * role may not update are shown read-only.
 */
export function FormInputs({ resource, mode }: { resource: AdminResource; mode: FormMode }) {
  const writable = useWritable(resource, mode === "edit");
  // On create, attributes the role may not set (e.g. a customer's order ShippedDate) are left to the server.
  const settable = useWritable(resource, mode === "create", "create");
  if (writable.isPending || settable.isPending) return null;
  const fields = resource.fields.filter((f) => !f.hidden && !(mode === "create"
    && (f.derived || (f.key && resource.key.generated) || (!f.key && !settable.allowed(f.name)))));
  const input = (f: AdminField) => {
    if (f.derived) return <ReadOnly field={f} kind="derived" info={f.info} />;
    if (!f.key && !writable.allowed(f.name)) {
      return <ReadOnly field={f} kind="readonly" info={f.info ? `${f.info} ${NOT_YOURS}` : NOT_YOURS} />;
    }
    return <Editor field={f} mode={mode} />;
  };
  return (
    <>
      {fields.map((f) => <WhenForm key={f.name} condition={f.showWhen}>{input(f)}</WhenForm>)}
    </>
  );
}
