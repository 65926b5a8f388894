/**
 * A service entry point (`bun src/server.ts`, `bun shipping/server.ts`) run as a
 * real child process on a free port, so a crash ends the process as it would in
 * production. Its output is drained (a full pipe would stall it) and its tail kept.
 */
import { freePort } from "../../src/engine/net/free-port";
import { waitUntil } from "./wait";

export interface ServiceProcess {
  url: string;
  /** True while the process has not exited. */
  alive(): boolean;
  /** The last lines it wrote (stdout and stderr), for failure messages. */
  outputTail(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number>;
}

export async function startServiceProcess(entry: string, env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const proc = Bun.spawn([process.execPath, entry], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env, PORT: String(port) }, stdout: "pipe", stderr: "pipe",
  });
  let exitCode: number | undefined;
  void proc.exited.then((code) => { exitCode = code; });
  const tail: string[] = [];
  const drain = async (stream: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    for await (const bytes of stream) {
      const chunk = decoder.decode(bytes, { stream: true });
      tail.push(chunk);
      if (tail.length > 200) tail.shift();
    }
  };
  void drain(proc.stdout);
  void drain(proc.stderr);
  const url = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = {
    url,
    alive: () => exitCode === undefined,
    outputTail: () => tail.join("").slice(-8000),
    async stop() {
      if (exitCode === undefined) proc.kill("SIGTERM");
      return proc.exited;
    },
  };
  await waitUntil(async () => {
    if (!service.alive()) throw new Error(`${entry} exited with ${exitCode}:\n${service.outputTail()}`);
    return fetch(`${url}/openapi.json`).then((r) => r.ok, () => false);
  }, 30_000, `${entry} answering on ${url}`);
  return service;
}
