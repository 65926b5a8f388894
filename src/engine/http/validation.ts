/**
 * zod validation failures as JSON:API errors: body problems point into the
 * document (`source.pointer`), query and header problems name the parameter.
 */
import type { ZodError } from "zod";
import { ApiError, ApiErrors } from "./errors";

export function validationErrors(error: ZodError, target: string): ApiErrors {
  return new ApiErrors(error.issues.flatMap(expandUnion).map((issue) => {
    const path = issue.path.map(String);
    const detail = `${path.join(".") || "(body)"}: ${issue.message}`;
    switch (target) {
      case "json":
      case "form":
        return new ApiError("VALIDATION_FAILED", detail, { pointer: jsonPointer(issue.path) || "/" });
      case "header":
        return new ApiError("BAD_REQUEST", detail, { header: path[0] ?? "" });
      default:
        return new ApiError("INVALID_PARAMETER", detail, { parameter: path[0] ?? "" });
    }
  }));
}

type Issue = ZodError["issues"][number];

/** RFC 6901 JSON Pointer to a path in a document ("~" and "/" escaped). */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/**
 * A body matching no branch of a union (e.g. wrapped or bare order) reports the
 * branch it came closest to, so pointers name the real field, not the root.
 */
function expandUnion(issue: Issue): Issue[] {
  if (issue.code !== "invalid_union" || !("errors" in issue) || issue.errors.length === 0) return [issue];
  const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
  return closest.flatMap((inner) => expandUnion({ ...inner, path: [...issue.path, ...inner.path] } as Issue));
}

/** The OpenAPIHono defaultHook: throw so the app's error handler answers. */
export function throwOnInvalid(result: { success: boolean; error?: unknown; target: string }): void {
  if (!result.success) throw validationErrors(result.error as ZodError, result.target);
}
