/**
 * Suite part: sorting and both paginations. Walking every page by links.next
 * must yield exactly the one-request order, with no row lost or repeated.
 */
import { describe, expect, test } from "bun:test";
import { followNext, get, ids, many } from "./jsonapi-client";
import { testWhen, type ResourceFixture } from "./jsonapi-fixture";
import type { SuiteState } from "./jsonapi-suite";
import { compare } from "./jsonapi-suite-filter";

export function describePaging(f: ResourceFixture, s: SuiteState): void {
  const base = `/api/${f.type}`;
  const whole = async (query: string) => ids(many(await get(s.app, `${base}?${query}&page[limit]=1000`)));

  describe("sort and pagination", () => {
    testWhen(f.ordered)("sort=-Attr puts NULLs first then descending; sort=Attr ascending then NULLs", async () => {
      const name = f.ordered!;
      for (const [query, dir] of [[`sort=-${name}`, -1], [`sort=${name}`, 1]] as const) {
        const values = many(await get(s.app, `${base}?${query}&page[limit]=1000`)).map((r) => r.attributes[name] as string | number | null);
        expect(values.length).toBe(s.all.length);
        const nonNull = values.filter((v) => v !== null);
        if (dir < 0) expect(values.slice(0, values.length - nonNull.length).every((v) => v === null)).toBe(true);
        else expect(values.slice(nonNull.length).every((v) => v === null)).toBe(true);
        for (let i = 1; i < nonNull.length; i++) expect(compare(nonNull[i - 1]!, nonNull[i]!) * dir).toBeLessThanOrEqual(0);
      }
    });

    test("default order is the primary key; offset pages follow links and cover everything once", async () => {
      const all = await whole("");
      const { items, pages } = await followNext(s.app, `${base}?page[limit]=7`);
      expect(ids(items)).toEqual(all);
      const first = pages[0]!.body;
      expect(first.meta?.count).toBe(all.length);
      expect(first.links?.prev).toBeNull();
      const lastOffset = Math.floor((all.length - 1) / 7) * 7;
      if (lastOffset > 0) expect(decodeURIComponent(first.links?.last ?? "")).toContain(`page[offset]=${lastOffset}`);
      else expect(first.links?.last).not.toContain("offset");
      if (pages.length > 1) expect(decodeURIComponent(pages[1]!.body.links?.prev ?? "")).not.toContain("page[offset]");
      const lastPage = await get(s.app, first.links!.last!);
      expect(ids(many(lastPage))).toEqual(all.slice(lastOffset));
      expect(lastPage.body.links?.next).toBeNull();
    });

    test("page[offset] past the end is an empty page with the exact count", async () => {
      const reply = await get(s.app, `${base}?page[offset]=100000&page[limit]=5`);
      expect(many(reply)).toEqual([]);
      expect(reply.body.meta?.count).toBe(s.all.length);
    });

    test("keyset pages (page[after]) follow the cursor in links.next, also with a descending sort", async () => {
      const sorts = f.ordered ? ["", `sort=-${f.ordered}&`, `sort=${f.ordered},-${f.text}&`] : ["", `sort=-${f.text}&`];
      for (const sort of sorts) {
        const expected = await whole(sort.replace(/&$/, ""));
        const { items, pages } = await followNext(s.app, `${base}?${sort}page[limit]=6&page[after]=`);
        expect(ids(items)).toEqual(expected);
        expect(pages[0]!.body.meta?.count).toBe(s.all.length);
        expect(pages.at(-1)!.body.links?.next).toBeNull();
        if (pages.length > 1) expect(decodeURIComponent(pages[0]!.body.links?.next ?? "")).toContain("page[after]=");
      }
    });
  });
}
