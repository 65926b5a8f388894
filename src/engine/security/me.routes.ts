/**
 * GET /api/auth/me: who the bearer token says is signed in, the grant role it
 * acts as, and that role's permissions per resource (permissions.ts), so a
 * client can offer only what the API allows. Behind bearerAuth like every /api route.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ResourceRegistry } from "../api";
import { ApiError } from "../http/errors";
import { SERVER_ERRORS } from "../http/error-schema";
import type { AuthVariables } from "./bearer-auth";
import { roleFor, type GrantSpec } from "./grants";
import { permissionsFor, type Permissions } from "./permissions";

export interface MeDeps { grants: GrantSpec; registry: ResourceRegistry }

const ResourcePermissionsSchema = z.object({
  select: z.boolean(), insert: z.boolean(), update: z.boolean(), delete: z.boolean(),
  readableAttributes: z.array(z.string()).optional()
    .openapi({ description: "When present, reads return only these attributes (the others are not readable)" }),
  insertableAttributes: z.array(z.string()).optional()
    .openapi({ description: "When present, create may set only these attributes" }),
  updatableAttributes: z.array(z.string()).optional()
    .openapi({ description: "When present, update may change only these attributes" }),
}).openapi("ResourcePermissions");

const MeSchema = z.object({
  sub: z.string(),
  roles: z.array(z.string()).openapi({ description: "Application roles from the token" }),
  role: z.string().nullable().openapi({ description: "The grant role the user acts as, or null" }),
  permissions: z.record(z.string(), ResourcePermissionsSchema).openapi({ description: "Per resource type" }),
}).openapi("Me", { example: { sub: "ALFKI", roles: ["customer"], role: "customer", permissions: {
  Customer: { select: true, insert: false, update: true, delete: false, updatableAttributes: ["ContactName"] } } } });

export const meRoute = createRoute({
  method: "get",
  path: "/api/auth/me",
  tags: ["Authentication"],
  summary: "The signed-in user, its role and what it may do with each resource",
  responses: {
    200: { description: "The signed-in user", content: { "application/json": { schema: MeSchema } } },
    ...SERVER_ERRORS,
  },
});

export function registerMe(app: OpenAPIHono<any>, deps: MeDeps): void {
  // Grants and registry are fixed for the app's life: compute each role's permissions once.
  const byRole = new Map<string, Permissions>();
  const permissions = (role: string | null) => {
    const key = role ?? "";
    if (!byRole.has(key)) byRole.set(key, permissionsFor(deps.grants, deps.registry, role));
    return byRole.get(key)!;
  };
  app.openapi(meRoute, (c) => {
    const principal = (c.var as Partial<AuthVariables>).principal;
    if (!principal) throw new ApiError("UNAUTHENTICATED", "missing Authorization: Bearer <token>", { header: "Authorization" });
    const role = roleFor(deps.grants, principal.roles)?.name ?? null;
    c.header("cache-control", "no-store");
    return c.json({ sub: principal.sub, roles: principal.roles, role, permissions: permissions(role) }, 200);
  });
}
