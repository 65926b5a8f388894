/**
 * The login limiter on a fake clock: exponential waits after the free failures
 * (1 s, doubling, capped), success clearing a user's count at one address,
 * per-address spraying, and the per-user count across addresses that spares
 * addresses the user signed in from before.
 */
import { describe, expect, test } from "bun:test";
import { createLoginLimiter } from "../../src/engine/security/login-limiter";

function clocked(opts: Parameters<typeof createLoginLimiter>[0] = {}) {
  let now = 1_000_000;
  const limiter = createLoginLimiter({ ...opts, now: () => now });
  return { limiter, advance: (seconds: number) => { now += seconds * 1000; } };
}

describe("login limiter", () => {
  test("after three failures the wait is 1 s and doubles with every further failure, up to the cap", () => {
    const { limiter, advance } = clocked({ maxWaitSeconds: 60 });
    for (let i = 0; i < 3; i++) expect(limiter.attempt("u", "a")).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const wait = limiter.attempt("u", "a");
      waits.push(wait);
      advance(wait);
      expect(limiter.attempt("u", "a")).toBe(0); // one more guess once the wait is over
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  test("a success clears the user's count at that address; usernames differing in case share one count", () => {
    const { limiter } = clocked();
    for (let i = 0; i < 3; i++) limiter.attempt("Alice", "a");
    expect(limiter.attempt("alice", "a")).toBe(1);
    const other = clocked().limiter;
    for (let i = 0; i < 3; i++) other.attempt("alice", "a");
    other.succeeded("alice", "a");
    for (let i = 0; i < 3; i++) expect(other.attempt("alice", "a")).toBe(0);
  });

  test("failures spread over usernames from one address are limited per address", () => {
    const { limiter } = clocked();
    for (let i = 0; i < 10; i++) expect(limiter.attempt(`user${i}`, "sprayer")).toBe(0);
    expect(limiter.attempt("user10", "sprayer")).toBe(1);
    expect(limiter.attempt("user10", "elsewhere")).toBe(0);
  });

  test("guesses at one user from many addresses are limited per user, except where it signed in before", () => {
    const { limiter } = clocked();
    expect(limiter.attempt("bob", "home")).toBe(0);
    limiter.succeeded("bob", "home");
    for (let i = 0; i < 20; i++) expect(limiter.attempt("bob", `bot${i}`)).toBe(0);
    expect(limiter.attempt("bob", "bot-new")).toBe(1);
    expect(limiter.attempt("bob", "home")).toBe(0);
  });

  test("the wait runs from when the wrong password was answered, not from when its check began", () => {
    const { limiter, advance } = clocked();
    for (let i = 0; i < 3; i++) {
      limiter.attempt("u", "a");
      advance(2); // a slow password check
      limiter.failed("u", "a");
    }
    expect(limiter.attempt("u", "a")).toBe(1);
  });

  test("an attempt whose password could not be checked does not count", () => {
    const { limiter } = clocked();
    for (let i = 0; i < 5; i++) {
      expect(limiter.attempt("u", "a")).toBe(0);
      limiter.abandoned("u", "a");
    }
  });

  test("counts are forgotten after a quiet period", () => {
    const { limiter, advance } = clocked({ forgetAfterSeconds: 600 });
    for (let i = 0; i < 3; i++) limiter.attempt("u", "a");
    expect(limiter.attempt("u", "a")).toBe(1);
    advance(601);
    for (let i = 0; i < 3; i++) expect(limiter.attempt("u", "a")).toBe(0);
  });
});
