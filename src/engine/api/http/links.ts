/**
 * Top-level links of collection documents. Offset paging links first, prev,
 * next and last; keyset paging links first (`page[after]=`) and next (the last
 * row's cursor), with prev and last null. Other parameters are kept as sent.
 */
import type { CollectionQuery } from "../query/query-types";
import { encodeCursor } from "../query/cursor";
import type { Row } from "../transaction";

export interface PageLinks { self: string; first: string; prev: string | null; next: string | null; last: string | null }

function withPage(url: URL, page: Record<string, string>): string {
  const search = new URLSearchParams(url.search);
  search.delete("page[offset]");
  search.delete("page[after]");
  for (const [k, v] of Object.entries(page)) search.set(k, v);
  const text = search.toString();
  return text ? `${url.pathname}?${text}` : url.pathname;
}

/** `rows` are the rows of this page (without a keyset look-ahead row); `more` says whether one was fetched. */
export function pageLinks(url: URL, query: CollectionQuery, count: number, rows: readonly Row[], more: boolean): PageLinks {
  const self = url.pathname + url.search;
  const { page } = query;
  if (page.kind === "keyset") {
    const last = rows[rows.length - 1];
    return { self, first: withPage(url, { "page[after]": "" }), prev: null, last: null,
      next: more && last ? withPage(url, { "page[after]": encodeCursor(query.sort, last) }) : null };
  }
  const at = (offset: number) => withPage(url, offset > 0 ? { "page[offset]": String(offset) } : {});
  const lastOffset = count === 0 ? 0 : Math.floor((count - 1) / page.limit) * page.limit;
  return {
    self,
    first: at(0),
    prev: page.offset > 0 ? at(Math.max(0, page.offset - page.limit)) : null,
    next: page.offset + page.limit < count ? at(page.offset + page.limit) : null,
    last: at(lastOffset),
  };
}
