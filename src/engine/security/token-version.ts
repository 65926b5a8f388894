/**
 * Revocation of issued tokens: each token carries its user's token version
 * (claim `ver`), and bearer auth compares it with the user's current version,
 * which the database bumps whenever the user's roles, password or status change
 * (compile-token-version.ts). Current versions are cached for a few seconds so
 * the check is not one query per request; that cache is the revocation delay.
 */

import { createAnswerCache } from "./answer-cache";

/** The claim that carries the user's token version at sign-in. */
export const TOKEN_VERSION_CLAIM = "ver";

export interface TokenVersionOptions {
  /** The user's current version, or undefined when the user is gone or may not sign in. */
  currentVersion(sub: string): Promise<number | undefined>;
  /** How long a looked-up version is trusted; the upper bound on revocation delay. */
  cacheSeconds?: number;
  /** Cached users at most; the oldest are forgotten first. */
  maxEntries?: number;
  now?: () => number;
}

export interface TokenVersionCheck {
  /** True when the token's version is the user's current one; `token` is the raw bearer token. */
  isCurrent(claims: { sub: string; [claim: string]: unknown }, token?: string): Promise<boolean>;
}

export function createTokenVersionCheck(opts: TokenVersionOptions): TokenVersionCheck {
  const versions = createAnswerCache(opts.currentVersion,
    { ttlMs: (opts.cacheSeconds ?? 5) * 1000, maxEntries: opts.maxEntries, now: opts.now });
  return {
    async isCurrent(claims) {
      const presented = claims[TOKEN_VERSION_CLAIM];
      if (typeof presented !== "number" || !Number.isSafeInteger(presented)) return false;
      let current = await versions.get(claims.sub);
      // Versions only grow, so a token newer than the cached version means the user signed in
      // after a change this cache has not seen yet: ask again rather than refuse a fresh token.
      if (current !== undefined && presented > current) current = await versions.get(claims.sub, true);
      return current === presented;
    },
  };
}
