/** Asks the kernel for a free loopback TCP port, or checks a preferred one. */
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return listenOnce(0);
}

/** The preferred port when nothing listens on it, otherwise any free port. */
export async function preferredPort(port: number): Promise<number> {
  return listenOnce(port).catch(() => freePort());
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(port, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}
