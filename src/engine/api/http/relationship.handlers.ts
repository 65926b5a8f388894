/**
 * Handlers for /api/{Type}/{id}/{Relationship} (the related resources, as a
 * full document) and /api/{Type}/{id}/relationships/{Relationship} (linkage
 * only). To-many ones filter, sort and page like the target's collection.
 */
import type { RelationshipModel, ResourceModel } from "../model/resource-model";
import { encodeId } from "../model/id-codec";
import { LINKAGE_FAMILIES, parseCollectionQuery, parseDocumentQuery } from "../query/parse-query";
import { relatedScope, ROOT, selectExists } from "../sql/build-select";
import { resourceColumns, tableRef } from "../sql/build-common";
import type { Select } from "../sql/sql-ast";
import { keyFromPath, notFound, refusedAs, requireOperation, type ApiDeps } from "./api-deps";
import { ApiError } from "../../http/errors";
import { collectionDocument, linkageDocument, readCollection } from "./collection";
import { assemble } from "./compound";
import { executeRead } from "./read";
import type { Handler } from "./resource.handlers";
import { JSONAPI_OBJECT, sendDocument } from "./respond";
import { resourceUrl } from "./serialize";

/** Routes are registered from the full model; each request runs on its role's view (`deps.view`). */
export function createRelationshipHandlers(deps: ApiDeps, fullSource: ResourceModel,
  relationship: RelationshipModel): Record<"related" | "linkage", Handler> {
  const related = (id: string) => `${resourceUrl(deps.basePath, fullSource, id)}/${relationship.name}`;
  const parentSelect = (source: ResourceModel, target: ResourceModel, key: readonly unknown[]): Select => ({ kind: "select",
    columns: resourceColumns(target, ROOT), from: tableRef(target, ROOT), where: relatedScope(source, relationship, key) });
  /** The role's source and target; a relationship its view lacks (a column or table it may not read) is refused. */
  const viewOf = (c: Parameters<Handler>[0]) => {
    const registry = deps.view(c);
    const source = registry.require(fullSource.type);
    const target = registry.require(relationship.target);
    requireOperation(source, "select");
    requireOperation(target, "select");
    if (!source.relationship.has(relationship.name)) {
      throw new ApiError("FORBIDDEN", `your role may not read ${source.type}.${relationship.name}`);
    }
    return { registry, source, target };
  };

  async function toOne(c: Parameters<Handler>[0], linkageOnly: boolean): Promise<Response> {
    const { registry, source, target } = viewOf(c);
    const id = c.req.param("id") ?? "";
    const key = keyFromPath(source, id);
    const url = new URL(c.req.url);
    const query = linkageOnly ? { include: [], fields: new Map() } : parseDocumentQuery(registry, target, url.searchParams);
    const read = await executeRead(c, deps.database, { main: parentSelect(source, target, key), sort: [], exists: selectExists(source, key),
      include: query.include }).catch(refusedAs(target, "select"));
    if (!read.exists) throw notFound(source, id);
    const row = read.rows[0];
    const self = url.pathname + url.search;
    if (linkageOnly) {
      return sendDocument(c, 200, { jsonapi: JSONAPI_OBJECT, data: row ? { type: target.type, id: encodeId(target, row) } : null,
        links: { self, related: related(id) } });
    }
    const { data, included } = assemble(deps.basePath, query.fields, target, row ? [row] : [], query.include, read.includeRows);
    return sendDocument(c, 200, { jsonapi: JSONAPI_OBJECT, data: data[0] ?? null,
      ...(query.include.length ? { included } : {}), links: { self } });
  }

  async function toMany(c: Parameters<Handler>[0], linkageOnly: boolean): Promise<Response> {
    const { registry, source, target } = viewOf(c);
    const id = c.req.param("id") ?? "";
    const key = keyFromPath(source, id);
    const url = new URL(c.req.url);
    const query = parseCollectionQuery(registry, target, url.searchParams, deps.limits,
      linkageOnly ? LINKAGE_FAMILIES : undefined);
    const read = await readCollection(c, deps, target, query, url, relatedScope(source, relationship, key), selectExists(source, key))
      .catch(refusedAs(target, "select"));
    if (!read.exists) throw notFound(source, id);
    return sendDocument(c, 200, linkageOnly ? linkageDocument(target, read, related(id)) : collectionDocument(read));
  }

  const handle = relationship.kind === "toOne" ? toOne : toMany;
  return { related: (c) => handle(c, false), linkage: (c) => handle(c, true) };
}
