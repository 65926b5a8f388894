/**
 * Optimistic locking. A resource's version is its row's Postgres `xmin`: the id
 * of the transaction that last wrote the row. Every writer bumps it (API, rule
 * triggers, psql, batch jobs) with no column to maintain. Clients send it back
 * as `If-Match: "<version>"` or `data.meta.checksum`; writes check it inside
 * their transaction (`where xmin::text = …`), so a stale version answers 412.
 */
import { ApiError } from "../../http/errors";

export function etag(version: string): string {
  return `"${version}"`;
}

/** Versions the client accepts, or undefined when it set no precondition (`*` also means none). */
export function expectedVersions(ifMatch: string | undefined, checksum: unknown): string[] | undefined {
  const wanted: string[] = [];
  if (ifMatch !== undefined && ifMatch.trim() !== "*") {
    for (const part of ifMatch.split(",")) {
      const tag = /^\s*"([^"]*)"\s*$/.exec(part);
      // Weak tags never match If-Match (RFC 9110 strong comparison).
      wanted.push(tag ? tag[1]! : `invalid:${part.trim()}`);
    }
  }
  if (checksum !== undefined) {
    if (typeof checksum !== "string") throw new ApiError("BAD_REQUEST", "meta.checksum must be a string", { pointer: "/data/meta/checksum" });
    if (wanted.length && !wanted.includes(checksum)) return ["mismatch"];
    if (!wanted.length) wanted.push(checksum);
  }
  return wanted.length ? wanted : undefined;
}

export function preconditionFailed(current: string): ApiError {
  return new ApiError("PRECONDITION_FAILED", `the resource changed since that version; it is now ${current}`,
    { header: "If-Match" }, { meta: { checksum: current } });
}

/** If-None-Match on GET: true when one of the tags is the current version. */
export function notModified(ifNoneMatch: string | undefined, version: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag(version));
}
