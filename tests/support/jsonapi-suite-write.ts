/**
 * Suite part: create, read back, update and delete, with optimistic locking:
 * every write answers the new version (ETag and meta.checksum), a stale
 * If-Match or meta.checksum is a 412, and nothing changes when it is.
 */
import { describe, expect, test } from "bun:test";
import { call, firstError, get, one, path, type ResourceObject } from "./jsonapi-client";
import type { ResourceFixture } from "./jsonapi-fixture";
import type { SuiteState } from "./jsonapi-suite";

export function describeWrites(f: ResourceFixture, s: SuiteState): void {
  const base = `/api/${f.type}`;
  let n = 0;
  const create = async (): Promise<ResourceObject> => {
    const body = f.create(++n);
    const reply = await call(s.app, "POST", base, { data: { type: f.type, ...(body.id ? { id: body.id } : {}), attributes: body.attributes } });
    expect(reply.status, JSON.stringify(reply.body.errors)).toBe(201);
    const created = one(reply);
    expect(reply.headers.get("location")).toBe(created.links.self);
    expect(reply.headers.get("etag")).toBe(`"${created.meta.checksum}"`);
    if (body.id) expect(created.id).toBe(body.id);
    for (const [k, v] of Object.entries(body.attributes)) expect(created.attributes[k]).toEqual(typeof v === "string" && typeof created.attributes[k] === "number" ? Number(v) : v);
    return created;
  };
  const patch = (r: ResourceObject, attributes: Record<string, unknown>, headers: Record<string, string> = {}, meta?: object) =>
    call(s.app, "PATCH", r.links.self, { data: { type: f.type, id: r.id, attributes, ...(meta ? { meta } : {}) } }, headers);

  describe("writes and optimistic locking", () => {
    test("POST creates (201, Location, ETag); GET reads it back identically", async () => {
      const created = await create();
      const read = await get(s.app, created.links.self);
      expect(read.status).toBe(200);
      expect(one(read)).toEqual(created);
      expect(read.headers.get("etag")).toBe(`"${created.meta.checksum}"`);
    });

    test("PATCH with the current If-Match updates and answers the new version; the old one is now stale (412)", async () => {
      const created = await create();
      const updated = await patch(created, f.update, { "if-match": `"${created.meta.checksum}"` });
      expect(updated.status, JSON.stringify(updated.body.errors)).toBe(200);
      const after = one(updated);
      for (const [k, v] of Object.entries(f.update)) expect(after.attributes[k]).toEqual(v);
      expect(after.meta.checksum).not.toBe(created.meta.checksum);
      expect(updated.headers.get("etag")).toBe(`"${after.meta.checksum}"`);
      const stale = await patch(after, f.update, { "if-match": `"${created.meta.checksum}"` });
      expect(stale.status).toBe(412);
      expect(firstError(stale)).toMatchObject({ code: "PRECONDITION_FAILED", source: { header: "If-Match" } });
      expect(one(await get(s.app, created.links.self))).toEqual(after);
    });

    test("concurrent PATCHes with the same version: exactly one wins, the others get 412", async () => {
      const created = await create();
      const replies = await Promise.all([1, 2, 3, 4, 5].map(() => patch(created, f.update, { "if-match": `"${created.meta.checksum}"` })));
      expect(replies.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412]);
    });

    test("meta.checksum in the body works like If-Match", async () => {
      const created = await create();
      const ok = await patch(created, f.update, {}, { checksum: created.meta.checksum });
      expect(ok.status).toBe(200);
      const stale = await patch(created, f.update, {}, { checksum: created.meta.checksum });
      expect(stale.status).toBe(412);
      const noPrecondition = await patch(created, f.update);
      expect(noPrecondition.status).toBe(200);
    });

    test("a PATCH of key attributes to other values is refused", async () => {
      const created = await create();
      const key = Object.keys(created.attributes).find((k) => created.attributes[k] !== null
        && (created.id === String(created.attributes[k]) || created.id.split(",").includes(String(created.attributes[k]))));
      if (!key) return;
      const value = created.attributes[key];
      const reply = await patch(created, { [key]: typeof value === "number" ? value + 100000 : `${String(value)}X` });
      expect(reply.status).toBe(422);
      expect(firstError(reply).source?.pointer).toBe(`/data/attributes/${key}`);
    });

    test("DELETE with a stale If-Match is 412; with the current one 204; then 404", async () => {
      const created = await create();
      const changed = one(await patch(created, f.update));
      const stale = await call(s.app, "DELETE", created.links.self, undefined, { "if-match": `"${created.meta.checksum}"` });
      expect(stale.status).toBe(412);
      const gone = await call(s.app, "DELETE", created.links.self, undefined, { "if-match": `"${changed.meta.checksum}"` });
      expect(gone.status).toBe(204);
      expect((await get(s.app, created.links.self)).status).toBe(404);
      expect((await call(s.app, "DELETE", created.links.self)).status).toBe(404);
    });

    test("a duplicate client-chosen id is a 409; a client id for a generated key is a 403", async () => {
      const body = f.create(++n);
      if (body.id) {
        expect((await call(s.app, "POST", base, { data: { type: f.type, id: body.id, attributes: body.attributes } })).status).toBe(201);
        const again = await call(s.app, "POST", base, { data: { type: f.type, id: body.id, attributes: body.attributes } });
        expect(again.status).toBe(409);
      } else {
        const reply = await call(s.app, "POST", base, { data: { type: f.type, id: "12345", attributes: body.attributes } });
        expect(reply.status).toBe(403);
        expect(firstError(reply).source?.pointer).toBe("/data/id");
      }
    });
  });
}
