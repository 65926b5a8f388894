/**
 * A path that exists answered with a method it does not take is 405 with an
 * `Allow` header (RFC 9110 §15.5.6), not 404: the client learns what it may do.
 * The allowed methods come from the app's own route table.
 */
import type { Context, NotFoundHandler } from "hono";
import { errorResponse, onNotFound } from "./error-handler";
import { errorObject } from "./errors";

interface RouteEntry { method: string; path: string }

/** The methods registered for `path` (HEAD with GET), or none when no route has that path. */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === "ALL" || !pathPattern(route.path).test(path)) continue;
    methods.add(route.method);
    if (route.method === "GET") methods.add("HEAD");
  }
  return [...methods].sort();
}

const patterns = new Map<string, RegExp>();

/** Hono's path syntax (`/api/:type/:id`, `/admin/*`) as a regular expression. */
function pathPattern(path: string): RegExp {
  let pattern = patterns.get(path);
  if (!pattern) {
    const source = path.split("/").map((part) =>
      part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("/");
    pattern = new RegExp(`^${source}/?$`);
    patterns.set(path, pattern);
  }
  return pattern;
}

/** Not-found handler of an app: 405 with Allow for a known path, else the usual 404. */
export function notFoundOrNotAllowed(routes: () => readonly RouteEntry[]): NotFoundHandler {
  return (c: Context) => {
    const allow = allowedMethods(routes(), c.req.path);
    // A method the path does take, yet no route answered (a trailing slash, a file that is not there): 404.
    if (allow.length === 0 || allow.includes(c.req.method)) return onNotFound(c);
    return errorResponse(c, 405, [errorObject("METHOD_NOT_ALLOWED", `${c.req.method} is not allowed here; use ${allow.join(", ")}`)],
      { allow: allow.join(", ") });
  };
}
