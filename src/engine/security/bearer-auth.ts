/**
 * Requires `Authorization: Bearer <token>` and turns a valid token into the
 * request's database session: the Postgres role its grants map to and the
 * claims that row-level-security policies read. Token problems are 401 (with
 * WWW-Authenticate), and so is a token revoked since it was issued (token-version.ts);
 * a user whose roles map to no grant is 403; an issuer whose keys cannot be fetched is 503.
 */
import type { MiddlewareHandler } from "hono";
import { ApiError } from "../http/errors";
import type { DbSession } from "../db/session";
import { roleFor, type GrantSpec } from "./grants";
import type { TokenVersionCheck } from "./token-version";
import { TokenError, type AccessClaims, type TokenService } from "./tokens";

export interface AuthVariables {
  dbSession: DbSession;
  principal: AccessClaims;
}

export interface BearerAuthOptions {
  tokens: TokenService;
  grants: GrantSpec;
  /** Paths under the guarded prefix that stay public (e.g. the login route). */
  publicPaths?: string[];
  /** When given, tokens of users deleted, disabled or changed since sign-in are refused. */
  tokenVersion?: TokenVersionCheck;
}

export function bearerAuth(opts: BearerAuthOptions): MiddlewareHandler<{ Variables: AuthVariables }> {
  const open = new Set(opts.publicPaths ?? []);
  return async (c, next) => {
    if (open.has(c.req.path)) return next();
    const header = c.req.header("authorization");
    const match = header?.match(/^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\s*$/);
    if (!match) {
      throw new ApiError("UNAUTHENTICATED", header ? "malformed Authorization header; expected Bearer <token>"
        : "missing Authorization: Bearer <token>", { header: "Authorization" });
    }
    const token = match[1]!;
    const claims = await opts.tokens.verify(token).catch((err: unknown) => {
      if (err instanceof TokenError && err.kind === "KEYS_UNAVAILABLE") {
        throw new ApiError("UNAVAILABLE", "cannot verify tokens right now: the issuer's keys are unreachable", undefined, { cause: err });
      }
      const detail = err instanceof TokenError ? err.message : "token invalid";
      throw new ApiError("UNAUTHENTICATED", detail, { header: "Authorization" }, { cause: err });
    });
    if (opts.tokenVersion && !(await opts.tokenVersion.isCurrent(claims, token))) {
      throw new ApiError("UNAUTHENTICATED", "token revoked: the user was changed, disabled or removed; sign in again",
        { header: "Authorization" });
    }
    const role = roleFor(opts.grants, claims.roles);
    if (!role) throw new ApiError("FORBIDDEN", `roles ${JSON.stringify(claims.roles)} grant no access to this API`);
    c.set("principal", claims);
    c.set("dbSession", { role: role.dbRole, claims });
    await next();
  };
}
