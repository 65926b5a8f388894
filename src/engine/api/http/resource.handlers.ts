/**
 * Handlers for /api/{Type} and /api/{Type}/{id}: each runs the pipeline
 * parse → plan → SQL → one transaction → JSON:API document. Bodies arrive
 * already checked by request-body.ts and validated by the route's zod schema.
 */
import type { Context } from "hono";
import { ApiError } from "../../http/errors";
import { decodeId } from "../model/id-codec";
import type { ResourceModel } from "../model/resource-model";
import { toParameter } from "../model/values";
import { parseCollectionQuery, parseDocumentQuery } from "../query/parse-query";
import { selectByKey } from "../sql/build-select";
import { deleteRow, insertRow, selectGuarded, selectVersion, updateRow, type ColumnValue } from "../sql/build-write";
import { runInTransaction, type Row, type Tx } from "../transaction";
import { keyFromPath, notFound, refusedAs, requireOperation, requireWritable, type ApiDeps } from "./api-deps";
import { collectionDocument, readCollection } from "./collection";
import { assemble } from "./compound";
import { executeRead } from "./read";
import { sendDocument, sendResource } from "./respond";
import { toResourceObject, versionOf } from "./serialize";
import { etag, expectedVersions, notModified, preconditionFailed } from "./version";

export type Handler = (c: Context) => Promise<Response>;

interface WriteBody { data: { id?: string; attributes?: Record<string, unknown>; meta?: { checksum?: unknown } } }

function validBody(c: Context): WriteBody {
  return (c.req as unknown as { valid(target: "json"): WriteBody }).valid("json");
}

function columnValues(resource: ResourceModel, attributes: Record<string, unknown>): ColumnValue[] {
  return Object.entries(attributes).filter(([, v]) => v !== undefined).map(([name, value]) => {
    const attribute = resource.attribute.get(name)!;
    return { attribute, value: toParameter(attribute, value) };
  });
}

/**
 * A write that matched no row: the row is gone (404), its version moved on from the one
 * the client sent (412), or the row is readable but the role's row policy keeps it from
 * this write, e.g. a customer's shipped order (403).
 */
async function missed(tx: Tx, resource: ResourceModel, key: readonly unknown[], id: string,
  versions: readonly string[] | undefined, op: "update" | "delete"): Promise<never> {
  const [current] = await tx.run<{ version: string }>(selectVersion(resource, key));
  if (!current) throw notFound(resource, id);
  if (versions && !versions.includes(current.version)) throw preconditionFailed(current.version);
  throw new ApiError("FORBIDDEN", `your role may not ${op} this ${resource.type}`);
}

/** Client-chosen keys may come as data.id or as the key attributes; both must agree. */
function keyAttributes(resource: ResourceModel, id: string | undefined, attributes: Record<string, unknown>): void {
  const key = id === undefined ? undefined : decodeId(resource, id);
  if (id !== undefined && !key) throw new ApiError("VALIDATION_FAILED", `${JSON.stringify(id)} is not a valid ${resource.type} id`, { pointer: "/data/id" });
  for (const [i, a] of resource.primaryKey.entries()) {
    const given = attributes[a.name];
    if (key && given !== undefined && given !== key[i]) {
      throw new ApiError("CONFLICT", `attribute ${a.name} disagrees with data.id`, { pointer: `/data/attributes/${a.name}` });
    }
    if (key) attributes[a.name] = key[i];
    else if (given === undefined && !a.hasDefault) {
      throw new ApiError("VALIDATION_FAILED", `${a.name} is required (or send data.id)`, { pointer: `/data/attributes/${a.name}` });
    }
  }
}

/**
 * `resource` is the full model: request bodies are validated and bound against it. Each request
 * reads, returns and renders through its role's view (`deps.view`), which holds only what the
 * role may read, and is refused before SQL what its grants do not give.
 */
export function createResourceHandlers(deps: ApiDeps, resource: ResourceModel): Record<"list" | "get" | "create" | "update" | "remove", Handler> {
  const { database, basePath } = deps;
  const viewOf = (c: Context, op: "select" | "insert" | "update" | "delete") => {
    const registry = deps.view(c);
    const view = registry.require(resource.type);
    requireOperation(view, op);
    return { registry, view };
  };
  const render = (view: ResourceModel, row: Row) => toResourceObject(basePath, view, row, new Map());
  return {
    async list(c) {
      const { registry, view } = viewOf(c, "select");
      const url = new URL(c.req.url);
      const query = parseCollectionQuery(registry, view, url.searchParams, deps.limits);
      const read = await readCollection(c, deps, view, query, url).catch(refusedAs(view, "select"));
      return sendDocument(c, 200, collectionDocument(read));
    },

    async get(c) {
      const { registry, view } = viewOf(c, "select");
      const id = c.req.param("id") ?? "";
      const key = keyFromPath(view, id);
      const url = new URL(c.req.url);
      const query = parseDocumentQuery(registry, view, url.searchParams);
      const read = await executeRead(c, database, { main: selectByKey(view, key), sort: [], include: query.include })
        .catch(refusedAs(view, "select"));
      const row = read.rows[0];
      if (!row) throw notFound(resource, id);
      if (notModified(c.req.header("if-none-match"), versionOf(row))) return c.body(null, 304, { etag: etag(versionOf(row)) });
      const { data, included } = assemble(basePath, query.fields, view, [row], query.include, read.includeRows);
      return sendResource(c, 200, data[0]!, query.include.length ? included : undefined, url.pathname + url.search);
    },

    async create(c) {
      const { view } = viewOf(c, "insert");
      const { data } = validBody(c);
      const attributes = { ...data.attributes };
      requireWritable(view, "insert", attributes);
      if (!resource.keyGenerated) keyAttributes(resource, data.id, attributes);
      const [row] = await runInTransaction(c, database, (tx) => tx.run(insertRow(view, columnValues(resource, attributes))))
        .catch(refusedAs(view, "insert"));
      const object = render(view, row!);
      return sendResource(c, 201, object, undefined, object.links.self, { location: object.links.self });
    },

    async update(c) {
      const { view } = viewOf(c, "update");
      const id = c.req.param("id") ?? "";
      const key = keyFromPath(resource, id);
      const { data } = validBody(c);
      const attributes = { ...data.attributes };
      for (const [i, a] of resource.primaryKey.entries()) {
        if (attributes[a.name] !== undefined && attributes[a.name] !== key[i]) {
          throw new ApiError("VALIDATION_FAILED", `${a.name} is part of the id and cannot change`, { pointer: `/data/attributes/${a.name}` });
        }
        delete attributes[a.name];
      }
      requireWritable(view, "update", attributes);
      const versions = expectedVersions(c.req.header("if-match"), data.meta?.checksum);
      const values = columnValues(resource, attributes);
      const row = await runInTransaction(c, database, async (tx) => {
        const [written] = await tx.run(values.length ? updateRow(view, key, values, versions) : selectGuarded(view, key, versions));
        return written ?? missed(tx, view, key, id, versions, "update");
      }).catch(refusedAs(view, "update"));
      const object = render(view, row);
      return sendResource(c, 200, object, undefined, object.links.self);
    },

    async remove(c) {
      const { view } = viewOf(c, "delete");
      const id = c.req.param("id") ?? "";
      const key = keyFromPath(resource, id);
      const versions = expectedVersions(c.req.header("if-match"), undefined);
      await runInTransaction(c, database, async (tx) => {
        const [deleted] = await tx.run(deleteRow(resource, key, versions));
        if (!deleted) await missed(tx, resource, key, id, versions, "delete");
      }).catch(refusedAs(view, "delete"));
      return c.body(null, 204);
    },
  };
}
