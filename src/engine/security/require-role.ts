/** Limits a route to some of the grant spec's roles (by name); others get 403. */
import type { MiddlewareHandler } from "hono";
import { ApiError } from "../http/errors";
import { roleFor, type GrantSpec } from "./grants";
import type { AuthVariables } from "./bearer-auth";

export function requireRole(grants: GrantSpec, allowed: string[]): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const role = roleFor(grants, c.get("principal")?.roles ?? []);
    if (!role || !allowed.includes(role.name)) {
      throw new ApiError("FORBIDDEN", `this endpoint is for ${allowed.join(", ")} users; you act as ${role?.name ?? "nobody"}`);
    }
    await next();
  };
}
