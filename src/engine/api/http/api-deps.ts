/**
 * What every API handler is built from: the resource registry, the database,
 * where the API is mounted, and page-size limits.
 */
import type { Context } from "hono";
import type { Database } from "../../db/database";
import { ApiError } from "../../http/errors";
import { isPostgresError } from "../../http/sqlstate";
import { decodeId } from "../model/id-codec";
import type { ResourceModel, ResourceRegistry } from "../model/resource-model";
import type { PageLimits } from "../query/parse-sort-page";

export interface ApiDeps {
  readonly registry: ResourceRegistry;
  readonly database: Database;
  /** e.g. `/api`; links are built under it. */
  readonly basePath: string;
  readonly limits: PageLimits;
  /** The registry as the request's role sees it (role-view.ts); the full one when no access is configured. */
  readonly view: (c: Context) => ResourceRegistry;
}

type Operation = "select" | "insert" | "update" | "delete";
const VERB: Record<Operation, string> = { select: "read", insert: "create", update: "update", delete: "delete" };

/** 403 before any SQL when the role's view says the operation is not granted; names the resource, never the table. */
export function requireOperation(resource: ResourceModel, op: Operation): void {
  if (resource.operations && !resource.operations.has(op)) {
    throw new ApiError("FORBIDDEN", `your role may not ${VERB[op]} ${resource.type}`);
  }
}

/** 403 naming the first attribute the role may not set (column grants), before any SQL. */
export function requireWritable(resource: ResourceModel, op: "insert" | "update", attributes: Record<string, unknown>): void {
  const allowed = resource.writeLimits?.[op];
  if (!allowed) return;
  const refused = Object.keys(attributes).filter((name) => attributes[name] !== undefined && !allowed.has(name)
    && !(op === "insert" && resource.attribute.get(name)?.primaryKey));
  if (refused.length) {
    throw new ApiError("FORBIDDEN", `your role may not ${VERB[op] === "create" ? "set" : "change"} ${resource.type}.${refused[0]}`,
      { pointer: `/data/attributes/${refused[0]}` });
  }
}

export function notFound(resource: ResourceModel, id: string): ApiError {
  return new ApiError("NOT_FOUND", `no ${resource.type} with id ${JSON.stringify(id)}`);
}

/** The key named by the `{id}` path parameter; an id that cannot exist is a 404, like a missing one. */
export function keyFromPath(resource: ResourceModel, id: string): (string | number | boolean)[] {
  const key = decodeId(resource, id);
  if (!key) throw notFound(resource, id);
  return key;
}

/**
 * Maps the database's own refusal (42501: a grant or a row-level-security check, whose message
 * names the table) to a 403 naming the resource; anything else passes through unchanged.
 */
export function refusedAs(resource: ResourceModel, op: Operation): (error: unknown) => never {
  return (error) => {
    const pg = isPostgresError(error) ? error : isPostgresError((error as { cause?: unknown })?.cause)
      ? (error as { cause: unknown }).cause : undefined;
    if (isPostgresError(pg) && pg.code === "42501") {
      throw new ApiError("FORBIDDEN", `your role may not ${VERB[op]} this ${resource.type}`, undefined, { cause: error });
    }
    throw error;
  };
}
