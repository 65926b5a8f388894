/**
 * `bun run bench:api`: the JSON:API engine against a hand-written baseline
 * (bench/api-baseline.ts) on the same embedded Postgres, loaded by autocannon
 * in a separate process over loopback. Cases: GET one customer, GET orders of a
 * customer with their details included, PATCH a customer. Prints req/s and p99
 * per server and the engine/baseline ratio (target ≥ 0.7 on reads). The full
 * Northwind app (bearer auth, SET LOCAL ROLE, claims, RLS) is shown for reference.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { createApp } from "../src/app";
import { buildRegistry, registerJsonApi } from "../src/engine/api";
import { createDatabase, ensureDatabaseExists } from "../src/engine/db/database";
import { scratchDir, startEmbeddedPostgres } from "../src/engine/db/embedded-postgres";
import { createServiceApp } from "../src/engine/http/create-service-app";
import { createKafkaHealth } from "../src/engine/kafka/kafka-health";
import { createTokenService } from "../src/engine/security/tokens";
import { prepareNorthwindDatabase } from "../src/northwind/database";
import * as schema from "../src/northwind/schema";
import { createBaseline } from "./api-baseline";

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const logger = pino({ level: "warn" });
interface Case { name: string; read: boolean; requests: { method: "GET" | "PATCH"; path: string; body?: string; headers?: Record<string, string> }[] }

/** Customers a PATCH may touch: the credit rule rejects any update of a customer already over its limit. */
function cases(customers: readonly string[]): Case[] {
  return [
  { name: "GET /api/Customer/ALFKI", read: true, requests: [{ method: "GET", path: "/api/Customer/ALFKI" }] },
  { name: "GET /api/Order?filter[CustomerId]=ALFKI&include=OrderDetailList", read: true,
    requests: [{ method: "GET", path: "/api/Order?filter[CustomerId]=ALFKI&include=OrderDetailList" }] },
  { name: "PATCH /api/Customer/{id} (10 rows in turn)", read: false, requests: customers.map((id) => ({
    method: "PATCH" as const, path: `/api/Customer/${id}`, headers: { "content-type": "application/vnd.api+json" },
    body: JSON.stringify({ data: { type: "Customer", id, attributes: { ContactName: "Bench" } } }) })) },
  ];
}

interface Result { rps: number; p99: number; non2xx: number; errors: number; total: number }

/** Async spawn: the servers live in this process and must keep answering while the load runs. */
async function load(port: number, c: Case, seconds: number, headers: Record<string, string> = {}): Promise<Result> {
  const job = { url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: seconds,
    requests: c.requests.map((r) => ({ ...r, headers: { ...r.headers, ...headers } })) };
  const run = Bun.spawn(["bun", join(import.meta.dir, "api-load.ts"), JSON.stringify(job)], { stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(run.stdout).text(), new Response(run.stderr).text(), run.exited]);
  if (code !== 0) throw new Error(`load generator failed: ${err}`);
  return JSON.parse(out.trim().split("\n").at(-1)!) as Result;
}

function serve(fetch: (req: Request) => Response | Promise<Response>) {
  return Bun.serve({ port: 0, hostname: "127.0.0.1", fetch });
}

const fmt = (r: Result) => `${r.rps.toFixed(0).padStart(6)} req/s  p99 ${String(r.p99).padStart(3)} ms${r.non2xx + r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : ""}`;

async function main(): Promise<void> {
  const dir = scratchDir("bench-api-");
  console.log(`bench:api: ${DURATION}s per case, ${CONNECTIONS} connections; starting Postgres…`);
  const pg = await startEmbeddedPostgres({ baseDir: join(dir, "pg") });
  await ensureDatabaseExists(pg.adminUrl, "northwind");
  const database = createDatabase({ url: pg.urlFor("northwind"), max: 10 });
  try {
    await prepareNorthwindDatabase(database);
    const engineApp = createServiceApp({ title: "bench", logger, health: { sql: database.sql, kafka: createKafkaHealth(undefined) } });
    registerJsonApi(engineApp, { registry: buildRegistry({ schema, exclude: ["User", "Role", "UserRole"] }), database });
    const tokens = await createTokenService({ algorithm: "HS256", secret: "bench-secret-bench-secret-bench-secret-0", issuer: "northwind",
      audience: "northwind-api", ttlSeconds: 3600, clockToleranceSeconds: 5 });
    const fullApp = createApp({ database, kafka: createKafkaHealth(undefined), logger, tokens });
    const auth = { authorization: `Bearer ${(await tokens.sign({ sub: "admin", roles: ["sa"] })).token}` };
    const servers = { engine: serve(engineApp.fetch), baseline: serve(createBaseline(database.sql)), app: serve(fullApp.fetch) };
    const patchable = await database.sql`select id from customer where balance <= credit_limit order by id limit 10`;
    for (const c of cases(patchable.map((r) => String(r.id)))) {
      await load(servers.engine.port!, c, 1);
      await load(servers.baseline.port!, c, 1);
      const engine = await load(servers.engine.port!, c, DURATION);
      const baseline = await load(servers.baseline.port!, c, DURATION);
      const app = await load(servers.app.port!, c, DURATION, auth);
      const ratio = engine.rps / baseline.rps;
      console.log(`\n${c.name}`);
      console.log(`  engine    ${fmt(engine)}`);
      console.log(`  baseline  ${fmt(baseline)}`);
      console.log(`  ratio     ${ratio.toFixed(2)}x${c.read ? (ratio >= 0.7 ? "  (target ≥ 0.7: met)" : "  (target ≥ 0.7: MISSED)") : ""}`);
      console.log(`  app+auth  ${fmt(app)}  (bearer JWT, role + claims, RLS)`);
    }
    for (const s of Object.values(servers)) await s.stop(true);
  } finally {
    await database.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
