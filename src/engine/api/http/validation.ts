/**
 * The validation hook for every API route: zod issues become JSON:API errors.
 * Body issues under attributes are 422 with `source.pointer`
 * (`/data/attributes/Quantity`); other body issues are 400; query, path and
 * header issues are 400 naming the parameter.
 */
import type { Context } from "hono";
import type { z } from "@hono/zod-openapi";
import { ApiError, ApiErrors } from "../../http/errors";
import { jsonPointer } from "../../http/validation";

type Issue = z.core.$ZodIssue;

function bodyErrors(issue: Issue): ApiError[] {
  const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
  return paths.map((path) => {
    const at = jsonPointer(path);
    const attribute = at.startsWith("/data/attributes/");
    const detail = issue.code === "unrecognized_keys" ? `unknown ${attribute ? "attribute" : "member"} ${String(path.at(-1))}`
      : `${String(path.at(-1) ?? "body")}: ${issue.message}`;
    return new ApiError(attribute ? "VALIDATION_FAILED" : "BAD_REQUEST", detail, { pointer: at });
  });
}

export function validationHook(result: { success: boolean; target: string; error?: z.ZodError }, _c: Context): void {
  if (result.success || !result.error) return;
  const issues = result.error.issues;
  const errors = result.target === "json"
    ? issues.flatMap(bodyErrors)
    : issues.map((issue) => {
      const name = String(issue.path[0] ?? result.target);
      const source = result.target === "header" ? { header: name } : { parameter: name };
      return new ApiError(result.target === "param" ? "NOT_FOUND" : "INVALID_PARAMETER", `${name}: ${issue.message}`, source);
    });
  // The response status is the first error's: the most general (400) goes first.
  errors.sort((a, b) => a.status - b.status);
  throw errors.length === 1 ? errors[0]! : new ApiErrors(errors);
}
