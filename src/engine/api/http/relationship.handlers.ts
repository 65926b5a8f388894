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
import { keyFromPath, notFound, type ApiDeps } from "./api-deps";
import { collectionDocument, linkageDocument, readCollection } from "./collection";
import { assemble } from "./compound";
import { executeRead } from "./read";
import type { Handler } from "./resource.handlers";
import { JSONAPI_OBJECT, sendDocument } from "./respond";
import { resourceUrl } from "./serialize";

export function createRelationshipHandlers(deps: ApiDeps, source: ResourceModel,
  relationship: RelationshipModel): Record<"related" | "linkage", Handler> {
  const target = deps.registry.require(relationship.target);
  const related = (id: string) => `${resourceUrl(deps.basePath, source, id)}/${relationship.name}`;
  const parentSelect = (key: readonly unknown[]): Select => ({ kind: "select", columns: resourceColumns(target, ROOT),
    from: tableRef(target, ROOT), where: relatedScope(source, relationship, key) });

  async function toOne(c: Parameters<Handler>[0], linkageOnly: boolean): Promise<Response> {
    const id = c.req.param("id") ?? "";
    const key = keyFromPath(source, id);
    const url = new URL(c.req.url);
    const query = linkageOnly ? { include: [], fields: new Map() } : parseDocumentQuery(deps.registry, target, url.searchParams);
    const read = await executeRead(c, deps.database, { main: parentSelect(key), sort: [], exists: selectExists(source, key),
      include: query.include });
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
    const id = c.req.param("id") ?? "";
    const key = keyFromPath(source, id);
    const url = new URL(c.req.url);
    const query = parseCollectionQuery(deps.registry, target, url.searchParams, deps.limits,
      linkageOnly ? LINKAGE_FAMILIES : undefined);
    const read = await readCollection(c, deps, target, query, url, relatedScope(source, relationship, key), selectExists(source, key));
    if (!read.exists) throw notFound(source, id);
    return sendDocument(c, 200, linkageOnly ? linkageDocument(target, read, related(id)) : collectionDocument(read));
  }

  const handle = relationship.kind === "toOne" ? toOne : toMany;
  return { related: (c) => handle(c, false), linkage: (c) => handle(c, true) };
}
