/**
 * Token revocation for a service that keeps no users (Shipping): the token's
 * issuer decides. A token is current while the issuer's own guarded
 * `/api/auth/me` accepts it (its bearer auth checks the user's token version);
 * answers are cached per token for a few seconds, which bounds the revocation
 * delay as token-version.ts does on the issuer. An issuer that cannot answer
 * makes the request 503, never a silent pass.
 */
import { ApiError } from "../http/errors";
import { createAnswerCache } from "./answer-cache";
import type { TokenVersionCheck } from "./token-version";

export interface IssuerTokenCheckOptions {
  /** The issuer's guarded endpoint, e.g. http://127.0.0.1:5656/api/auth/me. */
  url: string;
  cacheSeconds?: number;
  timeoutMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export function createIssuerTokenCheck(opts: IssuerTokenCheckOptions): TokenVersionCheck {
  const ask = (token: string): Promise<boolean> =>
    fetch(opts.url, { headers: { authorization: `Bearer ${token}` }, redirect: "error",
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000) })
      .then(async (res) => {
        await res.body?.cancel();
        // 403 means the issuer accepted the token (version included) but grants that role nothing itself.
        if (res.status === 200 || res.status === 403) return true;
        if (res.status === 401) return false;
        throw new Error(`issuer answered ${res.status}`);
      })
      .catch((err: unknown) => {
        throw new ApiError("UNAVAILABLE", "cannot check the token with its issuer right now; retry later", undefined, { cause: err });
      });
  const answers = createAnswerCache(ask, { ttlMs: (opts.cacheSeconds ?? 5) * 1000, maxEntries: opts.maxEntries, now: opts.now });
  return {
    isCurrent: async (_claims, token) => (token ? answers.get(token) : false),
  };
}
