/**
 * The server's answer to a failed save, above the form in plain words: a rule's
 * message verbatim (`balance (…) exceeds credit (…)`), or for a stale edit (412)
 * that someone else changed the row, with a button to reload it.
 */
import { Alert, Button } from "@mui/material";
import { useFormState } from "react-hook-form";

interface RootErrors { serverError?: { message?: string }; stale?: { message?: string } }

export function ServerError() {
  const { errors } = useFormState();
  const root = errors.root as RootErrors | undefined;
  const message = root?.serverError?.message;
  if (!message) return null;
  const reload = root?.stale ? (
    <Button color="inherit" size="small" onClick={() => window.location.reload()} className="admin-reload">Reload</Button>
  ) : undefined;
  return (
    <Alert severity="error" action={reload} className="admin-server-error" role="alert" sx={{ mb: 2, width: "100%" }}>
      {message}
    </Alert>
  );
}
