/**
 * Login throttling after OWASP's Authentication Cheat Sheet: exponential
 * lockout (1 s, doubling per failure, capped) counted per user *and* client
 * address, per address across all usernames (password spraying), and per user
 * across addresses (distributed guessing), the last one sparing addresses the
 * user signed in from before, so nobody elsewhere can lock a user out. In memory, per process.
 */

export interface LoginLimiter {
  /**
   * Before the password is checked: seconds to wait when blocked, else 0. An
   * allowed attempt counts as failed until `succeeded`, so parallel guesses cannot race past the count.
   */
  attempt(user: string, address: string): number;
  /** The password was wrong: waits start now, not when the (slow) check began. */
  failed(user: string, address: string): void;
  succeeded(user: string, address: string): void;
  /** The password could not be checked (e.g. the database is down): the attempt does not count. */
  abandoned(user: string, address: string): void;
}

export interface LoginLimiterOptions {
  /** Failures of one user from one address before the first wait. */
  freePerUserAndAddress?: number;
  /** Failures from one address, over all usernames, before the first wait. */
  freePerAddress?: number;
  /** Failures of one user, over addresses it never signed in from, before the first wait. */
  freePerUser?: number;
  firstWaitSeconds?: number;
  maxWaitSeconds?: number;
  /** A counter without failures for this long is forgotten (express-brute's default lifetime is about 6 h). */
  forgetAfterSeconds?: number;
  /** How long a successful sign-in makes an address known for that user. */
  rememberAddressSeconds?: number;
  /** Counters kept at most; the least recently touched are dropped first. */
  maxEntries?: number;
  now?: () => number;
}

interface Counter { failures: number; last: number }

export function createLoginLimiter(opts: LoginLimiterOptions = {}): LoginLimiter {
  const now = opts.now ?? Date.now;
  const firstMs = (opts.firstWaitSeconds ?? 1) * 1000;
  const maxMs = (opts.maxWaitSeconds ?? 900) * 1000;
  const forgetMs = (opts.forgetAfterSeconds ?? 6 * 3600) * 1000;
  const rememberMs = (opts.rememberAddressSeconds ?? 30 * 86_400) * 1000;
  const counters = boundedMap<Counter>(opts.maxEntries ?? 100_000);
  const known = boundedMap<number>(opts.maxEntries ?? 100_000);

  const current = (key: string): Counter | undefined => {
    const c = counters.get(key);
    if (c && now() - c.last > forgetMs) { counters.delete(key); return undefined; }
    return c;
  };
  const waitMs = (key: string, free: number): number => {
    const c = current(key);
    if (!c || c.failures < free) return 0;
    return Math.max(0, c.last + Math.min(maxMs, firstMs * 2 ** (c.failures - free)) - now());
  };
  const takeBack = (key: string) => {
    const c = current(key);
    if (c && c.failures > 1) counters.set(key, { ...c, failures: c.failures - 1 });
    else counters.delete(key);
  };
  const isKnown = (user: string, address: string) => (known.get(`${user}|${address}`) ?? -Infinity) > now() - rememberMs;
  const keys = (user: string, address: string) => ({
    pair: `pair:${address}|${user}`, address: `address:${address}`, user: `user:${user}`,
  });

  return {
    attempt(rawUser, address) {
      const user = rawUser.toLowerCase();
      const k = keys(user, address);
      const wait = Math.max(
        waitMs(k.pair, opts.freePerUserAndAddress ?? 3),
        waitMs(k.address, opts.freePerAddress ?? 10),
        isKnown(user, address) ? 0 : waitMs(k.user, opts.freePerUser ?? 20),
      );
      if (wait > 0) return Math.ceil(wait / 1000);
      for (const key of [k.pair, k.address, k.user]) {
        counters.set(key, { failures: (current(key)?.failures ?? 0) + 1, last: now() });
      }
      return 0;
    },
    failed(rawUser, address) {
      for (const key of Object.values(keys(rawUser.toLowerCase(), address))) {
        const c = current(key);
        if (c) counters.set(key, { ...c, last: now() });
      }
    },
    succeeded(rawUser, address) {
      const user = rawUser.toLowerCase();
      const k = keys(user, address);
      counters.delete(k.pair);
      // Only this attempt is taken back: a valid login must not wipe a spray's or a distributed guess's count.
      takeBack(k.address);
      takeBack(k.user);
      known.set(`${user}|${address}`, now());
    },
    abandoned(rawUser, address) {
      for (const key of Object.values(keys(rawUser.toLowerCase(), address))) takeBack(key);
    },
  };
}

/** A Map that forgets its least recently written entries beyond `max`, so an address flood cannot exhaust memory. */
function boundedMap<V>(max: number) {
  const map = new Map<string, V>();
  return {
    get: (key: string) => map.get(key),
    delete: (key: string) => map.delete(key),
    set(key: string, value: V) {
      map.delete(key);
      map.set(key, value);
      if (map.size > max) map.delete(map.keys().next().value!);
    },
  };
}
