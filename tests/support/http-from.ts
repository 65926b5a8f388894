/**
 * Real HTTP for tests where the client address matters: serves an app on a free
 * loopback port and sends requests from a chosen 127.x.y.z source address
 * (all of 127/8 is loopback on Linux), so the server's requestIP sees distinct clients.
 */
import { request } from "node:http";

export interface Served { url: string; port: number; stop(): Promise<void> }

export function serve(app: { fetch: (req: Request, server: Bun.Server<undefined>) => Response | Promise<Response> }): Served {
  const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: app.fetch });
  return { url: `http://127.0.0.1:${server.port}`, port: server.port!, stop: () => server.stop(true) };
}

export interface HttpReply { status: number; headers: Record<string, string | string[] | undefined>; body: unknown }

export function requestFrom(served: Served, from: string, method: string, path: string,
  opts: { headers?: Record<string, string>; body?: unknown } = {}): Promise<HttpReply> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1", port: served.port, path, method, localAddress: from,
      headers: { ...(payload ? { "content-type": "application/json" } : {}), ...opts.headers },
    }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => { text += chunk; });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers,
        body: text ? JSON.parse(text) as unknown : undefined }));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

export const loginFrom = (served: Served, from: string, username: string, password: string,
  headers: Record<string, string> = {}) =>
  requestFrom(served, from, "POST", "/api/auth/login", { body: { username, password }, headers });
