/**
 * The OpenAPI contract of one resource: its five routes with request schemas
 * and every response status, and two routes per relationship (related and
 * linkage). Built from the resource's drizzle-derived schemas.
 */
import { createRoute } from "@hono/zod-openapi";
import { RELATIONSHIP_NAMING_DOC } from "../model/relationships";
import type { RelationshipModel, ResourceModel } from "../model/resource-model";
import { jsonApiBody } from "./request-body";
import { documentQuery, idParams, ifMatchHeaders, ifNoneMatchHeaders } from "./openapi-params";
import { errorResponse, JSON_API, LinkageDocument } from "./openapi-shared";
import type { ResourceSchemas } from "./openapi-schemas";

const ETAG = { ETag: { description: "the version, as \"<checksum>\"", schema: { type: "string" as const } } };
const json = (schema: ResourceSchemas["document"]) => ({ [JSON_API]: { schema } });
const body = (schema: ResourceSchemas["document"]) => ({
  required: true,
  content: { [JSON_API]: { schema }, "application/json": { schema } },
});

const E400 = errorResponse("Invalid query parameter or malformed document (source.parameter / source.pointer)");
const E404 = errorResponse("No resource with that id");
const WRITE_ERRORS = {
  400: E400,
  409: errorResponse("data.type or data.id does not match the endpoint, or a unique/foreign-key conflict"),
  413: errorResponse("Body larger than the limit"),
  415: errorResponse("Content-Type is not application/vnd.api+json or application/json"),
  422: errorResponse("Attribute validation failed (source.pointer), or a business rule was violated"),
  500: errorResponse("Unexpected error; the detail carries the request id"),
};

export function resourceRoutes(basePath: string, resource: ResourceModel, schemas: ResourceSchemas) {
  const T = resource.type;
  const path = `${basePath}/${T}`;
  const tags = [T];
  const params = idParams(resource);
  return {
    list: createRoute({ method: "get", path, tags, operationId: `list${T}`, summary: `List ${T}`,
      request: { query: schemas.collectionQuery },
      responses: { 200: { description: `A page of ${T}`, content: json(schemas.collectionDocument) }, 400: E400 } }),
    get: createRoute({ method: "get", path: `${path}/{id}`, tags, operationId: `get${T}`, summary: `One ${T}`,
      request: { params, query: documentQuery(), headers: ifNoneMatchHeaders },
      responses: { 200: { description: `The ${T}`, headers: ETAG, content: json(schemas.document) },
        304: { description: "Not modified (If-None-Match)" }, 400: E400, 404: E404 } }),
    create: createRoute({ method: "post", path, tags, operationId: `create${T}`, summary: `Create a ${T}`,
      middleware: [jsonApiBody(resource, "create")],
      request: { body: body(schemas.createDocument) },
      responses: { 201: { description: "Created", content: json(schemas.document),
        headers: { ...ETAG, Location: { description: "URL of the new resource", schema: { type: "string" as const } } } },
      403: errorResponse("A client-chosen id for a server-generated key"), ...WRITE_ERRORS } }),
    update: createRoute({ method: "patch", path: `${path}/{id}`, tags, operationId: `update${T}`, summary: `Update a ${T}`,
      middleware: [jsonApiBody(resource, "update")],
      request: { params, headers: ifMatchHeaders, body: body(schemas.updateDocument) },
      responses: { 200: { description: "Updated", headers: ETAG, content: json(schemas.document) }, 404: E404,
        412: errorResponse("If-Match or meta.checksum is stale"), ...WRITE_ERRORS } }),
    remove: createRoute({ method: "delete", path: `${path}/{id}`, tags, operationId: `delete${T}`, summary: `Delete a ${T}`,
      request: { params, headers: ifMatchHeaders },
      responses: { 204: { description: "Deleted" }, 404: E404, 409: errorResponse("Still referenced by other rows"),
        412: errorResponse("If-Match is stale"), 422: errorResponse("A business rule was violated"),
        500: WRITE_ERRORS[500] } }),
  };
}

export function relationshipRoutes(basePath: string, resource: ResourceModel, relationship: RelationshipModel,
  targetSchemas: ResourceSchemas) {
  const T = resource.type;
  const R = relationship.name;
  const tags = [T];
  const params = idParams(resource);
  const toMany = relationship.kind === "toMany";
  return {
    related: createRoute({ method: "get", path: `${basePath}/${T}/{id}/${R}`, tags, operationId: `get${T}${R}`,
      summary: `The ${relationship.target}${toMany ? " list" : ""} related to a ${T} via ${R}`,
      description: `Foreign key ${relationship.foreignKey}. ${RELATIONSHIP_NAMING_DOC}`,
      request: { params, query: toMany ? targetSchemas.collectionQuery : documentQuery() },
      responses: { 200: { description: `Related ${relationship.target}`,
        content: json(toMany ? targetSchemas.collectionDocument : targetSchemas.nullableDocument) }, 400: E400, 404: E404 } }),
    linkage: createRoute({ method: "get", path: `${basePath}/${T}/{id}/relationships/${R}`, tags, operationId: `get${T}${R}Linkage`,
      summary: `Identifiers of the ${relationship.target} related via ${R}`,
      request: { params, ...(toMany ? { query: targetSchemas.collectionQuery.pick({ filter: true, sort: true, page: true }) } : {}) },
      responses: { 200: { description: "Resource linkage", content: json(LinkageDocument) }, 400: E400, 404: E404 } }),
  };
}
