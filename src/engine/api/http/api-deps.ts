/**
 * What every API handler is built from: the resource registry, the database,
 * where the API is mounted, and page-size limits.
 */
import type { Database } from "../../db/database";
import { ApiError } from "../../http/errors";
import { decodeId } from "../model/id-codec";
import type { ResourceModel, ResourceRegistry } from "../model/resource-model";
import type { PageLimits } from "../query/parse-sort-page";

export interface ApiDeps {
  readonly registry: ResourceRegistry;
  readonly database: Database;
  /** e.g. `/api`; links are built under it. */
  readonly basePath: string;
  readonly limits: PageLimits;
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
