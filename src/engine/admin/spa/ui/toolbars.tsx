/**
 * Form toolbars: create offers "Save and Show" and "Save and Add Another" (the
 * form resets to its pre-filled parent, ready for the next item); edit saves and
 * shows, or deletes after a confirmation.
 */
import { DeleteButton, SaveButton, Toolbar, useNotify, useRecordFromLocation } from "react-admin";
import { useFormContext } from "react-hook-form";

export function CreateToolbar({ singular }: { singular: string }) {
  const notify = useNotify();
  const { reset } = useFormContext();
  // The parent pre-filled by "Add new …" is applied over the form's defaults; keep it for the next item.
  const prefilled = useRecordFromLocation();
  return (
    <Toolbar>
      <SaveButton label="Save and Show" className="admin-save-show" />
      <SaveButton type="button" label="Save and Add Another" variant="outlined" className="admin-save-add" sx={{ ml: 2 }}
        mutationOptions={{
          onSuccess: () => {
            reset(prefilled ?? undefined);
            window.scrollTo(0, 0);
            notify(`${singular} saved; add another`, { type: "info" });
          },
        }} />
    </Toolbar>
  );
}

export function EditToolbar() {
  return (
    <Toolbar sx={{ justifyContent: "space-between" }}>
      <SaveButton label="Save" className="admin-save" />
      <DeleteButton mutationMode="pessimistic" />
    </Toolbar>
  );
}
