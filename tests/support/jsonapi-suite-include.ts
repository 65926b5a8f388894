/**
 * Suite part: compound documents (nested include, linkage, no duplicates),
 * sparse fieldsets, and the related and relationship endpoints.
 */
import { describe, expect, test } from "bun:test";
import { get, ids, many, one, path, type Identifier, type ResourceObject } from "./jsonapi-client";
import { testWhen, type ResourceFixture } from "./jsonapi-fixture";
import type { SuiteState } from "./jsonapi-suite";

const key = (r: Identifier) => `${r.type}:${r.id}`;

function linkage(r: ResourceObject, name: string): Identifier[] {
  const data = r.relationships?.[name]?.data;
  if (data === undefined) throw new Error(`${key(r)} has no linkage for ${name}`);
  return data === null ? [] : Array.isArray(data) ? data : [data];
}

export function describeIncludes(f: ResourceFixture, s: SuiteState): void {
  const base = `/api/${f.type}`;

  describe("include, fields and relationships", () => {
    test("include (nested): linkage at every level points into included, which has no duplicates", async () => {
      const reply = await get(s.app, `${base}?include=${f.include.map((i) => i.path).join(",")}&page[limit]=20`);
      expect(reply.status).toBe(200);
      const data = many(reply);
      const included = reply.body.included ?? [];
      const all = new Map([...data, ...included].map((r) => [key(r), r]));
      expect(new Set(included.map(key)).size).toBe(included.length);
      for (const { path: dotted, type } of f.include) {
        let level: ResourceObject[] = data;
        for (const name of dotted.split(".")) {
          const next = level.flatMap((r) => linkage(r, name));
          for (const id of next) expect(all.has(key(id))).toBe(true);
          level = next.map((id) => all.get(key(id))!);
        }
        expect(level.every((r) => r.type === type)).toBe(true);
      }
      expect(included.length).toBeGreaterThan(0);
    });

    test("include on one resource; to-many linkage equals the related endpoint", async () => {
      const reply = await get(s.app, `${path(f.type, f.existingId)}?include=${f.include[0]!.path.split(".")[0]}`);
      const r = one(reply);
      const name = f.include[0]!.path.split(".")[0]!;
      const related = await get(s.app, r.relationships![name]!.links.related);
      expect(related.status).toBe(200);
      const relatedIds = Array.isArray(related.body.data) ? ids(many(related)) : related.body.data ? [one(related).id] : [];
      expect(linkage(r, name).map((i) => i.id).sort()).toEqual(relatedIds.sort());
    });

    test("sparse fieldsets: fields[Type] picks attributes and relationships", async () => {
      const onlyText = many(await get(s.app, `${base}?fields[${f.type}]=${f.text}&page[limit]=5`));
      for (const r of onlyText) {
        expect(Object.keys(r.attributes)).toEqual([f.text]);
        expect(r.relationships).toBeUndefined();
      }
      const rel = f.toOne ?? f.toMany!;
      const withRel = one(await get(s.app, `${path(f.type, f.existingId)}?fields[${f.type}]=${f.text},${rel}`));
      expect(Object.keys(withRel.relationships ?? {})).toEqual([rel]);
      const inc = f.include[0]!;
      const nested = await get(s.app, `${base}?include=${inc.path}&fields[${inc.type}]=&page[limit]=5`);
      for (const r of nested.body.included?.filter((x) => x.type === inc.type) ?? []) expect(r.attributes).toEqual({});
    });

    testWhen(f.toMany)("to-many related endpoint: a filterable, paged collection; linkage endpoint agrees", async () => {
      const related = await get(s.app, path(f.type, f.existingId, `/${f.toMany}?page[limit]=2`));
      expect(related.status).toBe(200);
      const count = related.body.meta?.count ?? -1;
      const links = await get(s.app, path(f.type, f.existingId, `/relationships/${f.toMany}?page[limit]=1000`));
      expect(links.status).toBe(200);
      expect((links.body.data as Identifier[]).length).toBe(count);
      expect(links.body.links?.related).toBe(path(f.type, f.existingId, `/${f.toMany}`).replaceAll("%2C", ","));
      expect((await get(s.app, path(f.type, f.missingId, `/${f.toMany}`))).status).toBe(404);
      expect((await get(s.app, path(f.type, f.existingId, `/${f.toMany}?filter[Nope]=1`))).status).toBe(400);
    });

    testWhen(f.toOne)("to-one related endpoint: one resource or null; linkage endpoint agrees", async () => {
      const related = await get(s.app, path(f.type, f.existingId, `/${f.toOne}`));
      expect(related.status).toBe(200);
      const links = await get(s.app, path(f.type, f.existingId, `/relationships/${f.toOne}`));
      const target = related.body.data ? one(related) : null;
      expect(links.body.data).toEqual(target ? { type: target.type, id: target.id } : null);
      expect((await get(s.app, path(f.type, f.missingId, `/${f.toOne}`))).status).toBe(404);
    });

    test("ids work raw and percent-encoded in the URL", async () => {
      const raw = await get(s.app, `${base}/${f.existingId}`);
      const encoded = await get(s.app, path(f.type, f.existingId));
      expect(one(raw).id).toBe(f.existingId);
      expect(one(encoded).id).toBe(f.existingId);
    });
  });
}
