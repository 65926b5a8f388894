/**
 * Makes the OpenAPI document say what the auth middleware enforces: operations
 * under the guarded prefix (except public paths) require the bearer scheme and
 * answer 401 and 403; every other operation is public (`security: []`). One
 * place decides both, so the document cannot claim auth a service lacks.
 */
import { JSON_API_CONTENT_TYPE } from "./error-handler";

export const BEARER_SCHEME = "bearerAuth";

export interface GuardedApi { prefix: string; publicPaths: readonly string[] }

type Operation = { security?: unknown[]; responses?: Record<string, unknown> };
type Document = { paths?: object };

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const AUTH_RESPONSES: Record<string, string> = {
  401: "Missing, malformed, expired or invalid bearer token (WWW-Authenticate: Bearer)",
  403: "The token's roles grant no access to this operation",
};

const errorRef = (description: string) => ({ description,
  content: { [JSON_API_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/JsonApiErrorDocument" } } } });

/** Annotates `doc` in place; `guard` undefined means nothing is authenticated. */
export function documentSecurity<T extends Document>(doc: T, guard: GuardedApi | undefined): T {
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, Operation>>)) {
    const guarded = guard !== undefined && path.startsWith(guard.prefix) && !guard.publicPaths.includes(path);
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      if (!guarded || (Array.isArray(op.security) && op.security.length === 0)) {
        op.security = [];
        continue;
      }
      op.security = [{ [BEARER_SCHEME]: [] }];
      op.responses ??= {};
      for (const [status, description] of Object.entries(AUTH_RESPONSES)) op.responses[status] ??= errorRef(description);
    }
  }
  return doc;
}
