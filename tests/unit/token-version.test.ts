/**
 * The token-version check on a fake clock: one lookup per user per cache
 * window, a changed version refused once the window passes, a token newer than
 * the cached version looked up again at once, a missing user or claim refused,
 * and a failed lookup not remembered.
 */
import { describe, expect, test } from "bun:test";
import { createTokenVersionCheck, TOKEN_VERSION_CLAIM } from "../../src/engine/security/token-version";

function setup(versions: Map<string, number>) {
  let now = 0;
  const lookups: string[] = [];
  let failNext = false;
  const check = createTokenVersionCheck({
    cacheSeconds: 5, now: () => now,
    currentVersion: async (sub) => {
      lookups.push(sub);
      if (failNext) { failNext = false; throw new Error("database down"); }
      return versions.get(sub);
    },
  });
  return { check, lookups, advance: (s: number) => { now += s * 1000; }, failOnce: () => { failNext = true; } };
}
const token = (sub: string, ver?: number) => ({ sub, ...(ver === undefined ? {} : { [TOKEN_VERSION_CLAIM]: ver }) });

describe("token version check", () => {
  test("looks a user up once per window and refuses an old version after the window", async () => {
    const versions = new Map([["a", 7]]);
    const { check, lookups, advance } = setup(versions);
    for (let i = 0; i < 20; i++) expect(await check.isCurrent(token("a", 7))).toBe(true);
    expect(lookups).toEqual(["a"]);
    versions.set("a", 9);
    advance(4.9);
    expect(await check.isCurrent(token("a", 7))).toBe(true);
    advance(0.2);
    expect(await check.isCurrent(token("a", 7))).toBe(false);
    expect(lookups).toEqual(["a", "a"]);
  });

  test("a token newer than the cached version is checked against the database at once", async () => {
    const versions = new Map([["a", 1]]);
    const { check, lookups } = setup(versions);
    expect(await check.isCurrent(token("a", 1))).toBe(true);
    versions.set("a", 2);
    expect(await check.isCurrent(token("a", 2))).toBe(true);
    expect(await check.isCurrent(token("a", 1))).toBe(false);
    expect(lookups).toEqual(["a", "a"]);
  });

  test("a deleted user, a token without a version and a failed lookup are refused or retried", async () => {
    const { check, lookups, failOnce } = setup(new Map([["a", 1]]));
    expect(await check.isCurrent(token("gone", 1))).toBe(false);
    expect(await check.isCurrent(token("a"))).toBe(false);
    failOnce();
    await expect(check.isCurrent(token("a", 1))).rejects.toThrow("database down");
    expect(await check.isCurrent(token("a", 1))).toBe(true);
    expect(lookups).toEqual(["gone", "a", "a"]);
  });
});
