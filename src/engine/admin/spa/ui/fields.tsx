/**
 * How one attribute is displayed: foreign keys as the parent's user key linking
 * to the parent (the raw value only when the user may not read the parent),
 * money with its decimals, ids without digit grouping; on show pages each field
 * carries its help text (how it is derived).
 */
import { Box, Stack, Typography } from "@mui/material";
import { BooleanField, DateField, FunctionField, NumberField, ReferenceField, TextField, useRecordContext } from "react-admin";
import type { AdminField, AdminResource } from "../../model/admin-model";
import { useReadable } from "./access";
import { WhenRecord } from "./show-when";

/** Datagrid reads source, label and sortable from its children's props; the cell renders the rest. */
export interface CellProps { field: AdminField; source: string; label: string; sortable: boolean }

export function numberOptions(field: AdminField): Intl.NumberFormatOptions {
  if (field.kind === "integer" || field.kind === "bigint") return { useGrouping: false };
  return field.scale === undefined ? {} : { minimumFractionDigits: field.scale, maximumFractionDigits: field.scale };
}

export function FieldValue({ field }: { field: AdminField }) {
  const source = field.name;
  const readable = useReadable();
  if (field.reference && readable.isPending) return null;
  if (field.reference && !readable.allowed(field.reference.resource)) {
    return <TextField source={source} emptyText="—" />;
  }
  if (field.reference) {
    return <ReferenceField source={source} reference={field.reference.resource} link="show" emptyText="—" />;
  }
  switch (field.kind) {
    case "boolean":
      return <BooleanField source={source} />;
    case "numeric":
    case "float":
    case "integer":
    case "bigint":
      return field.key ? <TextField source={source} /> : <NumberField source={source} locales="en-US" options={numberOptions(field)} />;
    case "timestamp":
      return <DateField source={source} showTime locales="en-US" />;
    case "json":
      return <FunctionField source={source} render={(r: Record<string, unknown>) => JSON.stringify(r[source] ?? null)} />;
    default:
      return <TextField source={source} emptyText="" />;
  }
}

export function Cell({ field }: CellProps) {
  return <FieldValue field={field} />;
}

function ShowField({ field }: { field: AdminField }) {
  return (
    <Box className={`admin-field admin-field-${field.name}`} data-field={field.name}>
      <Typography variant="caption" color="text.secondary" component="div">{field.label}</Typography>
      <Box className="admin-value"><FieldValue field={field} /></Box>
      {field.info && <Typography variant="caption" color="text.secondary" component="div" className="admin-info">{field.info}</Typography>}
    </Box>
  );
}

/** The record's visible fields, in config order, each with its show_when applied. */
export function ShowFields({ resource }: { resource: AdminResource; label?: false }) {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Stack spacing={1.5}>
      {resource.fields.filter((f) => !f.hidden).map((f) => (
        <WhenRecord key={f.name} condition={f.showWhen}><ShowField field={f} /></WhenRecord>
      ))}
    </Stack>
  );
}
