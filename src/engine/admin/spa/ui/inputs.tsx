/**
 * How one attribute is edited: foreign keys are lookups (type the parent's name,
 * the key is set), derived values are read-only with their help text, required
 * columns are validated, and show_when follows the values being typed.
 */
import { Box, Typography } from "@mui/material";
import {
  AutocompleteInput, BooleanInput, DateInput, DateTimeInput, NumberInput, ReferenceInput, TextInput, required,
} from "react-admin";
import type { AdminField, AdminResource } from "../../model/admin-model";
import { FieldValue } from "./fields";
import { represent, useAdminResource } from "./model-context";
import { WhenForm } from "./show-when";

export type FormMode = "create" | "edit";

const MULTILINE = /(Notes|Description|Address)$/;

function Lookup({ field, validate }: { field: AdminField; validate?: ReturnType<typeof required> }) {
  const parent = useAdminResource(field.reference!.resource);
  return (
    <ReferenceInput source={field.name} reference={parent.type} perPage={20}>
      <AutocompleteInput label={field.label} optionText={(r: Record<string, unknown>) => represent(parent, r)}
        filterToQuery={(q: string) => (q ? { q } : {})} validate={validate} helperText={field.info ?? false} fullWidth />
    </ReferenceInput>
  );
}

/** A derived value in a form: shown, never edited, with how it is derived. */
function Derived({ field }: { field: AdminField }) {
  return (
    <Box className={`admin-derived admin-field-${field.name}`} data-field={field.name} sx={{ mb: 2 }}>
      <Typography variant="caption" color="text.secondary" component="div">{field.label}</Typography>
      <FieldValue field={field} />
      {field.info && <Typography variant="caption" color="text.secondary" component="div" className="admin-info">{field.info}</Typography>}
    </Box>
  );
}

function Editor({ field, mode }: { field: AdminField; mode: FormMode }) {
  const validate = field.required && !(field.key && mode === "edit") ? required() : undefined;
  const common = { source: field.name, label: field.label, validate, helperText: field.info ?? false, fullWidth: true };
  if (field.key && mode === "edit") return <TextInput {...common} disabled />;
  if (field.reference) return <Lookup field={field} validate={validate} />;
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
      return <Derived field={field} />;
    default:
      return <TextInput {...common} multiline={MULTILINE.test(field.name)} />;
  }
}

/** The form's inputs: on create, derived values and generated keys are left to the server. */
export function FormInputs({ resource, mode }: { resource: AdminResource; mode: FormMode }) {
  const fields = resource.fields.filter((f) => !f.hidden && !(mode === "create" && (f.derived || (f.key && resource.key.generated))));
  return (
    <>
      {fields.map((f) => (
        <WhenForm key={f.name} condition={f.showWhen}>
          {f.derived ? <Derived field={f} /> : <Editor field={f} mode={mode} />}
        </WhenForm>
      ))}
    </>
  );
}
