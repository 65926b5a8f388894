/**
 * A short-lived memo of asynchronous answers per key, for the token checks: concurrent
 * askers share one lookup, a failed lookup is forgotten at once (the next request asks
 * again), and past `maxEntries` the oldest keys go first. Its lifetime is the checks'
 * revocation delay.
 */
export interface AnswerCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

export interface AnswerCache<T> {
  /** The cached answer for `key` while it is fresh, else a new lookup; `fresh` forces one. */
  get(key: string, fresh?: boolean): Promise<T>;
}

interface Entry<T> { at: number; answer: Promise<T> }

export function createAnswerCache<T>(lookup: (key: string) => Promise<T>, opts: AnswerCacheOptions): AnswerCache<T> {
  const maxEntries = opts.maxEntries ?? 10_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();
  return {
    get(key, fresh = false) {
      const cached = entries.get(key);
      if (cached && !fresh && now() - cached.at < opts.ttlMs) return cached.answer;
      const entry: Entry<T> = { at: now(), answer: lookup(key) };
      entry.answer.catch(() => { if (entries.get(key) === entry) entries.delete(key); });
      entries.delete(key); // re-inserted last, so iteration order is age order
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return entry.answer;
    },
  };
}
