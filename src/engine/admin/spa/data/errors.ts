/**
 * JSON:API error documents → the errors react-admin understands: a message for
 * notifications, and `body.errors` so a form shows them next to its fields
 * (`/data/attributes/X` pointers) or above them (`root.serverError`: rule
 * messages verbatim). A 412 also sets `root.stale`, which offers a reload.
 */
import type { JsonApiDocument, JsonApiErrorObject } from "./json-api";

export interface FormErrors { root?: { serverError?: string; stale?: string }; [field: string]: unknown }

/** Shaped like react-admin's HttpError (it checks `status` and `body.errors`), without importing it. */
export class ApiHttpError extends Error {
  override readonly name = "HttpError";
  constructor(message: string, readonly status: number, readonly body: { errors?: FormErrors; document?: JsonApiDocument }) {
    super(message);
  }
}

export const STALE_MESSAGE = (what: string) =>
  `Someone else changed this ${what} since you opened it. Reload to see their changes, then make yours again.`;

const ATTRIBUTE = /^\/data\/attributes\/([^/]+)/;

function describe(error: JsonApiErrorObject): string {
  return error.detail ?? error.title ?? `request failed (${error.status ?? "?"})`;
}

export function toHttpError(status: number, document: JsonApiDocument | undefined, what: string): ApiHttpError {
  const errors = document?.errors ?? [];
  if (status === 412) {
    const message = STALE_MESSAGE(what);
    return new ApiHttpError(message, status, { errors: { root: { serverError: message, stale: "reload" } }, document });
  }
  const form: FormErrors = {};
  const general: string[] = [];
  for (const error of errors) {
    const field = ATTRIBUTE.exec(error.source?.pointer ?? "")?.[1];
    if (field && form[field] === undefined) form[field] = describe(error);
    else general.push(describe(error));
  }
  const message = [...general, ...Object.entries(form).map(([f, m]) => `${f}: ${String(m)}`)].join("; ")
    || `request failed with HTTP ${status}`;
  // A general message goes above the form; field messages also sit under their inputs.
  form.root = { serverError: general.length ? general.join("; ") : message };
  return new ApiHttpError(message, status, { errors: form, document });
}
