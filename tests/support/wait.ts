/** Polls a condition until it holds or the time is up (then throws, naming what was awaited). */
export async function waitUntil(check: () => Promise<boolean> | boolean, ms = 20_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${ms} ms`);
    await Bun.sleep(100);
  }
}
