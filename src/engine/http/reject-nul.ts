/**
 * Postgres text cannot hold a NUL character (U+0000): sent on, it fails deep in
 * the driver or the database. This middleware refuses it at the edge, naming
 * where it was: a query parameter or the path (400), or a JSON body member (422).
 */
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./errors";
import { jsonPointer } from "./validation";

const NUL_ESCAPED = /%00/i;
const JSON_BODY = /^application\/(vnd\.api\+)?json\s*(;.*)?$/i;

export const rejectNul: MiddlewareHandler = async (c, next) => {
  checkUrl(new URL(c.req.url));
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && JSON_BODY.test(c.req.header("content-type") ?? "")) {
    // A body that is not JSON is left to the route, which answers it as malformed.
    const body: unknown = await c.req.json().catch(() => undefined);
    const path = nulPath(body);
    if (path) {
      throw new ApiError("VALIDATION_FAILED", "text may not contain the NUL character (U+0000)", { pointer: jsonPointer(path) });
    }
  }
  await next();
};

function checkUrl(url: URL): void {
  if (NUL_ESCAPED.test(url.pathname)) throw new ApiError("BAD_REQUEST", "the path may not contain the NUL character (%00)");
  for (const [name, value] of url.searchParams) {
    if (name.includes("\u0000") || value.includes("\u0000")) {
      throw new ApiError("INVALID_PARAMETER", "query parameters may not contain the NUL character (%00)",
        { parameter: name.replaceAll("\u0000", "") });
    }
  }
}

interface Visit { value: unknown; key?: string | number; parent?: Visit }

/**
 * The path to the first string or key holding a NUL, or undefined. Iterative, with
 * parent links instead of copied paths: a body nested 400,000 deep parses fine but
 * would overflow recursion, and copying its path at every level would be quadratic.
 */
function nulPath(root: unknown): (string | number)[] | undefined {
  const stack: Visit[] = [{ value: root }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return pathOf(visit);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: visit });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, member] of Object.entries(value)) {
        if (key.includes("\u0000")) return pathOf({ value: member, key, parent: visit });
        stack.push({ value: member, key, parent: visit });
      }
    }
  }
  return undefined;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) path.push(v.key);
  return path.reverse();
}
