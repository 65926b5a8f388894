/**
 * Collections end to end (list, related to-many, relationship linkage): plan
 * the page, count and includes, read them in one transaction, and build the
 * document with pagination links and the exact `meta.count`.
 */
import type { Context } from "hono";
import type { ResourceModel } from "../model/resource-model";
import type { CollectionQuery } from "../query/query-types";
import { selectCollection } from "../sql/build-select";
import type { Expr, Select } from "../sql/sql-ast";
import type { Row } from "../transaction";
import type { ApiDeps } from "./api-deps";
import { assemble } from "./compound";
import { pageLinks, type PageLinks } from "./links";
import { executeRead } from "./read";
import { JSONAPI_OBJECT } from "./respond";
import type { ResourceObject } from "./serialize";
import { encodeId } from "../model/id-codec";

export interface CollectionRead {
  readonly rows: Row[];
  readonly count: number;
  readonly exists: boolean;
  readonly links: PageLinks;
  readonly data: ResourceObject[];
  readonly included: ResourceObject[] | undefined;
}

/** `scope` limits the collection (related endpoints); `exists` probes the row named in the URL. */
export async function readCollection(c: Context, deps: ApiDeps, resource: ResourceModel, query: CollectionQuery,
  url: URL, scope?: Expr, exists?: Select): Promise<CollectionRead> {
  const statements = selectCollection(deps.view(c), resource, query, scope);
  const read = await executeRead(c, deps.database, { main: statements.page, sort: query.sort, count: statements.count, exists,
    include: query.include, ...(query.page.kind === "keyset" ? { limit: query.page.limit } : {}) });
  const more = read.rows.length > query.page.limit;
  const rows = more ? read.rows.slice(0, query.page.limit) : read.rows;
  const { data, included } = assemble(deps.basePath, query.fields, resource, rows, query.include, read.includeRows);
  return { rows, count: read.count, exists: read.exists, links: pageLinks(url, query, read.count, rows, more), data,
    included: query.include.length ? included : undefined };
}

export function collectionDocument(read: CollectionRead): object {
  return { jsonapi: JSONAPI_OBJECT, data: read.data, ...(read.included ? { included: read.included } : {}),
    links: read.links, meta: { count: read.count } };
}

export function linkageDocument(resource: ResourceModel, read: CollectionRead, related: string): object {
  return { jsonapi: JSONAPI_OBJECT, data: read.rows.map((row) => ({ type: resource.type, id: encodeId(resource, row) })),
    links: { ...read.links, related }, meta: { count: read.count } };
}
