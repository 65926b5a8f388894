/**
 * A service started as a real child process (`bun src/server.ts` or Shipping's),
 * so a test sees what a client sees: a crash ends the process, and `alive()` says so.
 */
import { join } from "node:path";
import type { Subprocess } from "bun";
import { freePort } from "../../src/engine/net/free-port";

export const NORTHWIND_ENTRY = join(import.meta.dir, "../../src/server.ts");
export const SHIPPING_ENTRY = join(import.meta.dir, "../../shipping/server.ts");

export interface ServerProcess {
  url: string;
  proc: Subprocess<"ignore", "pipe", "pipe">;
  /** True while the process runs and answers /health. */
  alive(): Promise<boolean>;
  /** What the process wrote to stdout and stderr so far (its log, for checks and failure messages). */
  output(): string;
  stop(): Promise<number>;
}

export async function startServerProcess(entry: string, env: Record<string, string>,
  opts: { readyMs?: number } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const proc = Bun.spawn([process.execPath, entry], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdin: "ignore", stdout: "pipe", stderr: "pipe",
  });
  let errText = "";
  // Both are drained as they come, so the child never blocks on a full pipe.
  for (const stream of [proc.stdout, proc.stderr]) {
    void (async () => { for await (const chunk of stream) errText += new TextDecoder().decode(chunk); })();
  }
  const url = `http://127.0.0.1:${port}`;
  const answers = () => fetch(`${url}/health`).then((r) => r.status > 0, () => false);
  const deadline = Date.now() + (opts.readyMs ?? 20_000);
  while (!(await answers())) {
    if (proc.exitCode !== null) throw new Error(`${entry} exited ${proc.exitCode} during start-up: ${errText}`);
    if (Date.now() > deadline) { proc.kill("SIGKILL"); throw new Error(`${entry} did not answer /health: ${errText}`); }
    await Bun.sleep(100);
  }
  return {
    url, proc,
    alive: async () => proc.exitCode === null && proc.signalCode === null && (await answers()),
    output: () => errText,
    async stop() { proc.kill("SIGTERM"); return await proc.exited; },
  };
}

/** Logs in through the real route and returns the Authorization header. */
export async function loginHeader(url: string, username: string, password = "p"): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  return { authorization: `Bearer ${((await res.json()) as { access_token: string }).access_token}` };
}
