/**
 * Mounts the self-serve JSON:API on a service app: for every resource of the
 * registry, its contract (resource.routes.ts) bound to its handlers, each
 * route registered with app.openapi so /openapi.json declares it.
 */
import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { Database } from "../../db/database";
import type { AppEnv } from "../../http/app-env";
import type { ResourceRegistry } from "../model/resource-model";
import { roleViews, type RoleAccess } from "../model/role-view";
import type { PageLimits } from "../query/parse-sort-page";
import { requireOperation, type ApiDeps } from "./api-deps";
import { INCLUDE_PREFIX, PAGE } from "../sql/build-read";
import { resourceSchemas } from "./openapi-schemas";
import { createRelationshipHandlers } from "./relationship.handlers";
import { createResourceHandlers, type Handler } from "./resource.handlers";
import { relationshipRoutes, resourceRoutes } from "./resource.routes";
import { validationHook } from "./validation";

export interface JsonApiOptions {
  registry: ResourceRegistry;
  database: Database;
  /** Default `/api`. */
  basePath?: string;
  limits?: Partial<PageLimits>;
  /**
   * What the request's role may read and write (e.g. from the grant spec). Reads then leave out
   * what it may not read, and writes it may not make are refused before any SQL; the database
   * (column privileges, RLS) still decides. Absent: every request sees the whole registry.
   */
  access?: (c: Context) => RoleAccess | undefined;
}

/**
 * Registers the full contract in the OpenAPI registry, and binds the handler with
 * app.openapi validating only the body: query, path and header parameters are parsed
 * and checked by parse-query, keyFromPath and version.ts, which know the schema, so a
 * second zod pass over them would only cost time on every request.
 * The engine's routes are built at run time from any schema, so their zod types are
 * the generic ZodType; the handlers are typed against Context and this is the one cast.
 */
function bind(app: OpenAPIHono<AppEnv>, route: RouteConfig, handler: Handler, authorize?: MiddlewareHandler): void {
  // Middleware is code, not contract: registered as is, it would land in the document as `middleware: [null]`.
  const { middleware, ...contract } = route;
  app.openAPIRegistry.registerPath(contract);
  const body = route.request?.body;
  // Route middleware runs before the body validator: a role that may not write is told 403, not
  // what its body lacks.
  const chain = [...(authorize ? [authorize] : []), ...(Array.isArray(middleware) ? middleware : middleware ? [middleware] : [])];
  app.openapi({ ...route, middleware: chain, hide: true, request: body ? { body } : undefined } as RouteConfig,
    handler as never, validationHook as never);
}

/** Checks the role's grant for `op` on the resource before the body is read (see api-deps.ts). */
function grantCheck(deps: ApiDeps, type: string, op: "insert" | "update"): MiddlewareHandler {
  return async (c, next) => {
    requireOperation(deps.view(c).require(type), op);
    await next();
  };
}

export function registerJsonApi(app: OpenAPIHono<AppEnv>, opts: JsonApiOptions): ApiDeps {
  for (const r of opts.registry.resources) {
    if (!r.schemaName && (r.tableName === PAGE || r.tableName.startsWith(INCLUDE_PREFIX))) {
      throw new Error(`${r.type}: table name ${r.tableName} is reserved for the API's read statements`);
    }
  }
  const access = opts.access;
  const views = roleViews(opts.registry);
  const deps: ApiDeps = {
    registry: opts.registry,
    database: opts.database,
    basePath: opts.basePath ?? "/api",
    limits: { defaultLimit: opts.limits?.defaultLimit ?? 50, maxLimit: opts.limits?.maxLimit ?? 1000 },
    view: access ? (c) => views(access(c)) : () => opts.registry,
  };
  const schemas = new Map(opts.registry.resources.map((r) => [r.type, resourceSchemas(r)]));
  for (const resource of opts.registry.resources) {
    const routes = resourceRoutes(deps.basePath, resource, schemas.get(resource.type)!);
    const handlers = createResourceHandlers(deps, resource);
    const authorize = { create: grantCheck(deps, resource.type, "insert"), update: grantCheck(deps, resource.type, "update") };
    for (const name of ["list", "get", "remove"] as const) bind(app, routes[name], handlers[name]);
    for (const name of ["create", "update"] as const) bind(app, routes[name], handlers[name], authorize[name]);
    for (const relationship of resource.relationships) {
      const related = relationshipRoutes(deps.basePath, resource, relationship, schemas.get(relationship.target)!);
      const relatedHandlers = createRelationshipHandlers(deps, resource, relationship);
      bind(app, related.related, relatedHandlers.related);
      bind(app, related.linkage, relatedHandlers.linkage);
    }
  }
  return deps;
}
