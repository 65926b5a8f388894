/**
 * Retries a whole transaction function when Postgres aborts it for a
 * serialization failure (40001) or a deadlock (40P01): rule triggers lock
 * parent rows, so writers touching parents in different orders can deadlock.
 */

export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(["40001", "40P01"]);

export interface RetryOptions {
  /** Attempts in total, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  onRetry?: (info: { attempt: number; code: string; delayMs: number }) => void;
}

export function isRetryable(e: unknown): e is { code: string } {
  return typeof e === "object" && e !== null && RETRYABLE_SQLSTATES.has(String((e as { code?: unknown }).code));
}

/**
 * Runs `fn` (which must open and commit its own transaction, e.g. `sql.begin(...)`)
 * until it succeeds, fails with another error, or attempts run out. Backoff is
 * exponential with full jitter, so retrying writers do not collide again in step.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 5;
  const base = opts.baseDelayMs ?? 10;
  const max = opts.maxDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (!isRetryable(e) || attempt >= attempts) throw e;
      const delayMs = Math.random() * Math.min(max, base * 2 ** (attempt - 1));
      opts.onRetry?.({ attempt, code: e.code, delayMs });
      await Bun.sleep(delayMs);
    }
  }
}
