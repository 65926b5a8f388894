/**
 * Suite part: reading one and many, and every filter operator. Expected
 * results are computed from the whole collection, so the suite needs no
 * knowledge of the data beyond the fixture's attribute names.
 */
import { describe, expect, test } from "bun:test";
import { get, ids, many, one, path, type ResourceObject } from "./jsonapi-client";
import { testWhen, type ResourceFixture } from "./jsonapi-fixture";
import type { SuiteState } from "./jsonapi-suite";

type Value = string | number | boolean | null;
const attr = (r: ResourceObject, name: string) => r.attributes[name] as Value;

/** The most common non-null values of an attribute, commas excluded (a comma means `in`). */
export function commonValues(all: readonly ResourceObject[], name: string): string[] {
  const counts = new Map<string, number>();
  for (const r of all) {
    const v = attr(r, name);
    if (v !== null && !String(v).includes(",")) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
}

export function compare(a: Value, b: Value): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

export function describeFilters(f: ResourceFixture, s: SuiteState): void {
  const list = async (query: string) => {
    const reply = await get(s.app, `/api/${f.type}?${query}&page[limit]=1000`);
    expect(reply.status, JSON.stringify(reply.body.errors)).toBe(200);
    return many(reply);
  };
  const expectMatch = async (query: string, predicate: (r: ResourceObject) => boolean) => {
    const expected = s.all.filter(predicate);
    expect(ids(await list(query)).sort()).toEqual(ids(expected).sort());
    return expected.length;
  };

  describe("read", () => {
    test("list: meta.count is the exact total and every object is a full resource", async () => {
      const reply = await get(s.app, `/api/${f.type}`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get("content-type")).toContain("application/vnd.api+json");
      expect(reply.body.meta?.count).toBe(s.all.length);
      for (const r of many(reply)) {
        expect(r.type).toBe(f.type);
        expect(r.links.self).toBe(path(f.type, r.id).replaceAll("%2C", ","));
        expect(typeof r.meta.checksum).toBe("string");
      }
    });

    test("one: same attributes as in the list, ETag is the checksum", async () => {
      const reply = await get(s.app, path(f.type, f.existingId));
      expect(reply.status).toBe(200);
      const r = one(reply);
      expect(r.id).toBe(f.existingId);
      expect(reply.headers.get("etag")).toBe(`"${r.meta.checksum}"`);
      expect(r.attributes).toEqual(s.all.find((x) => x.id === f.existingId)!.attributes);
      const again = await get(s.app, path(f.type, f.existingId), { "if-none-match": `"${r.meta.checksum}"` });
      expect(again.status).toBe(304);
    });

    test("missing and malformed ids answer 404", async () => {
      expect((await get(s.app, path(f.type, f.missingId))).status).toBe(404);
      expect((await get(s.app, path(f.type, "%%,,"))).status).toBe(404);
    });
  });

  describe("filter", () => {
    test("eq, the shorthand, ne (NULLs included), in (comma list) and notin", async () => {
      const [a, b] = commonValues(s.all, f.text);
      expect(a && b).toBeTruthy();
      const n = await expectMatch(`filter[${f.text}]=${encodeURIComponent(a!)}`, (r) => String(attr(r, f.text)) === a);
      expect(n).toBeGreaterThan(0);
      await expectMatch(`filter[${f.text}][eq]=${encodeURIComponent(a!)}`, (r) => String(attr(r, f.text)) === a);
      await expectMatch(`filter[${f.text}][ne]=${encodeURIComponent(a!)}`, (r) => String(attr(r, f.text)) !== a);
      const both = (r: ResourceObject) => [a, b].includes(String(attr(r, f.text)));
      await expectMatch(`filter[${f.text}]=${encodeURIComponent(`${a},${b}`)}`, (r) => attr(r, f.text) !== null && both(r));
      await expectMatch(`filter[${f.text}][in]=${encodeURIComponent(`${a},${b}`)}`, (r) => attr(r, f.text) !== null && both(r));
      await expectMatch(`filter[${f.text}][notin]=${encodeURIComponent(`${a},${b}`)}`, (r) => attr(r, f.text) === null || !both(r));
    });

    test("like and ilike", async () => {
      const prefix = commonValues(s.all, f.text).find((v) => /^[A-Za-z]{2}/.test(v))!.slice(0, 2);
      await expectMatch(`filter[${f.text}][like]=${encodeURIComponent(`${prefix}%`)}`, (r) => String(attr(r, f.text) ?? "").startsWith(prefix));
      const lower = prefix.toLowerCase();
      await expectMatch(`filter[${f.text}][ilike]=${encodeURIComponent(`${lower}%`)}`,
        (r) => attr(r, f.text) !== null && String(attr(r, f.text)).toLowerCase().startsWith(lower));
    });

    test("null and notnull (and their false forms)", async () => {
      const nulls = await expectMatch(`filter[${f.nullable}][null]`, (r) => attr(r, f.nullable) === null);
      const values = await expectMatch(`filter[${f.nullable}][notnull]=`, (r) => attr(r, f.nullable) !== null);
      expect(nulls + values).toBe(s.all.length);
      await expectMatch(`filter[${f.nullable}][null]=false`, (r) => attr(r, f.nullable) !== null);
    });

    testWhen(f.ordered)("lt, le, gt, ge", async () => {
      const name = f.ordered!;
      const sorted = s.all.map((r) => attr(r, name)).filter((v) => v !== null).sort(compare);
      const distinct = sorted.filter((v, i) => i === 0 || compare(sorted[i - 1]!, v) !== 0);
      const mid = distinct[Math.floor(distinct.length / 2)]!;
      const q = (op: string) => `filter[${name}][${op}]=${encodeURIComponent(String(mid))}`;
      const v = (r: ResourceObject) => attr(r, name);
      expect(await expectMatch(q("lt"), (r) => v(r) !== null && compare(v(r), mid) < 0)).toBeGreaterThan(0);
      await expectMatch(q("le"), (r) => v(r) !== null && compare(v(r), mid) <= 0);
      expect(await expectMatch(q("gt"), (r) => v(r) !== null && compare(v(r), mid) > 0)).toBeGreaterThan(0);
      await expectMatch(q("ge"), (r) => v(r) !== null && compare(v(r), mid) >= 0);
    });

    test("conditions AND together; filter[or][n] groups OR together", async () => {
      const [a, b] = commonValues(s.all, f.text);
      const isA = (r: ResourceObject) => String(attr(r, f.text)) === a;
      const isB = (r: ResourceObject) => String(attr(r, f.text)) === b;
      await expectMatch(`filter[or][0][${f.text}]=${encodeURIComponent(a!)}&filter[or][1][${f.text}][eq]=${encodeURIComponent(b!)}`,
        (r) => isA(r) || isB(r));
      await expectMatch(`filter[${f.text}]=${encodeURIComponent(a!)}&filter[${f.nullable}][null]`,
        (r) => isA(r) && attr(r, f.nullable) === null);
      await expectMatch(`filter[${f.nullable}][notnull]&filter[or][0][${f.text}]=${encodeURIComponent(a!)}&filter[or][1][${f.text}]=${encodeURIComponent(b!)}`,
        (r) => attr(r, f.nullable) !== null && (isA(r) || isB(r)));
    });

    testWhen(f.relatedFilter)("a filter on a related resource's attribute", async () => {
      const rf = f.relatedFilter!;
      const reply = await get(s.app, `/api/${f.type}?include=${rf.toOne}&page[limit]=1000`);
      const withParent = many(reply);
      const parents = new Map((reply.body.included ?? []).map((p) => [p.id, p]));
      const matching = withParent.filter((r) => {
        const link = r.relationships?.[rf.toOne]?.data as { id: string } | null;
        return link ? String(parents.get(link.id)?.attributes[rf.attribute]) === rf.value : false;
      });
      expect(matching.length).toBeGreaterThan(0);
      expect(ids(await list(`filter[${rf.name}]=${encodeURIComponent(rf.value)}`)).sort()).toEqual(ids(matching).sort());
    });
  });
}
