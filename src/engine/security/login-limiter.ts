/**
 * Counts failed logins per user and per client address in a sliding window;
 * past the limit, login answers 429 until the window passes. In memory, per
 * process: enough to stop guessing against one instance.
 */
export interface LoginLimiter {
  /** Seconds to wait when blocked, else 0. */
  blockedFor(user: string, ip: string): number;
  failed(user: string, ip: string): void;
  succeeded(user: string, ip: string): void;
}

export function createLoginLimiter(opts: { maxFailures?: number; windowSeconds?: number; now?: () => number } = {}): LoginLimiter {
  const max = opts.maxFailures ?? 5;
  const windowMs = (opts.windowSeconds ?? 900) * 1000;
  const now = opts.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const keys = (user: string, ip: string) => [`user:${user.toLowerCase()}`, `ip:${ip}|user:${user.toLowerCase()}`];
  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => t > now() - windowMs);
  return {
    blockedFor(user, ip) {
      const waits = keys(user, ip).map((key) => {
        const times = recent(key);
        return times.length >= max ? Math.ceil((times[0]! + windowMs - now()) / 1000) : 0;
      });
      return Math.max(...waits);
    },
    failed(user, ip) {
      for (const key of keys(user, ip)) failures.set(key, [...recent(key), now()]);
    },
    succeeded(user, ip) {
      for (const key of keys(user, ip)) failures.delete(key);
    },
  };
}
