/**
 * Contract tests no developer tuned: schemathesis over both services' OpenAPI
 * documents, each service a real process on its own test database. Every
 * operation, as admin and as customer ALFKI: no 5xx, no response outside its
 * schema, no undocumented status or content type, and the process alive after.
 * Both documents must also be valid OpenAPI 3.1 (openapi-spec-validator).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PYTHON_VENV_ENV } from "../support/python-venv";
import { runSchemathesis, type SchemathesisRun } from "../support/schemathesis";
import { loginHeader, NORTHWIND_ENTRY, SHIPPING_ENTRY, startServerProcess, type ServerProcess } from "../support/server-process";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "../support/test-database";

const ARTIFACTS = join(import.meta.dir, "../../.artifacts/schemathesis");
/** Per operation and phase; with the phases below, bounds the four runs to a few minutes on 2 cores. */
const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 5);
const SEED = process.env.SCHEMATHESIS_SEED;
// One HS256 secret for both: Shipping verifies the tokens Northwind signs.
const JWT_SECRET = `contract-${crypto.randomUUID()}`;
const USERS = ["admin", "ALFKI"] as const;
type User = (typeof USERS)[number];
/**
 * The coverage phase (every boundary and invalid value of every parameter) runs as admin, who
 * reaches every operation; as a customer the same values would repeat it, while what differs,
 * grants and row filters, is what fuzzing and stateful sequences reach.
 */
const PHASES: Record<User, string[] | undefined> = { admin: undefined, ALFKI: ["examples", "fuzzing", "stateful"] };

function pythonBin(): string {
  const bin = process.env[PYTHON_VENV_ENV];
  if (!bin) throw new Error(`${PYTHON_VENV_ENV} unset: run through \`bun run test\`, which installs the Python tools (see its log)`);
  return bin;
}

interface Service { name: string; entry: string; template?: string;
  db?: TestDatabase; server?: ServerProcess; runs: Partial<Record<User, Promise<SchemathesisRun>>> }

const services: Service[] = [
  { name: "northwind", entry: NORTHWIND_ENTRY, runs: {} },
  { name: "shipping", entry: SHIPPING_ENTRY, template: SHIPPING_TEMPLATE_DATABASE, runs: {} },
];
const [northwind, shipping] = services as [Service, Service];

/**
 * Runs tasks two at a time, each taken by whichever slot frees first. schemathesis runs with
 * one worker (see runSchemathesis), so two runs side by side are what keep both cores busy.
 */
function twoAtATime<T>(tasks: (() => Promise<T>)[]): Promise<T>[] {
  const results = tasks.map(() => Promise.withResolvers<T>());
  let next = 0;
  const slot = async (): Promise<void> => {
    for (let i = next++; i < tasks.length; i = next++) {
      await tasks[i]!().then(results[i]!.resolve, results[i]!.reject);
    }
  };
  void Promise.all([slot(), slot()]);
  // Awaited by the tests later; marked handled now so a failed run is not an unhandled rejection meanwhile.
  for (const r of results) r.promise.catch(() => {});
  return results.map((r) => r.promise);
}

const started = performance.now();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await Promise.all(services.map(async (s) => { s.db = await cloneDatabase(s.template); }));
  // No Kafka: a consumer here would join the suite's topics (and could dead-letter their messages).
  const start = (s: Service, env: Record<string, string>) => startServerProcess(s.entry,
    { KAFKA_BROKERS: "", DATABASE_URL: s.db!.url, JWT_SECRET, ...env }, { readyMs: 60_000 });
  northwind.server = await start(northwind, {});
  // Shipping's login route forwards to this Northwind, not to whatever listens on the default port.
  shipping.server = await start(shipping, { NORTHWIND_URL: northwind.server.url });
  const login = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await loginHeader(northwind.server!.url, u)])));
  const plan = services.flatMap((s) => USERS.map((user) => ({ s, user })));
  const runs = twoAtATime(plan.map(({ s, user }) => () => runSchemathesis({ bin: pythonBin(), cwd: ARTIFACTS,
    schemaUrl: `${s.server!.url}/openapi.json`, headers: login[user], maxExamples: MAX_EXAMPLES, phases: PHASES[user], seed: SEED })));
  plan.forEach(({ s, user }, i) => { s.runs[user] = runs[i]; });
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(services.flatMap((s) => Object.values(s.runs)));
  // What this file adds to the test command, watched so the bound stays "a few minutes".
  console.log(`[schemathesis] contract tests took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await Promise.all(services.map(async (s) => {
    await s.server?.stop();
    await s.db?.drop();
  }));
});

describe.each(services)("$name", (service) => {
  test("its /openapi.json is a valid OpenAPI 3.1 document", async () => {
    const path = join(ARTIFACTS, `${service.name}-openapi.json`);
    writeFileSync(path, await (await fetch(`${service.server!.url}/openapi.json`)).text());
    const proc = Bun.spawn([join(pythonBin(), "openapi-spec-validator"), "--schema", "3.1.0", path],
      { stdout: "pipe", stderr: "pipe" });
    const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
    if (code !== 0) console.log(`${out}${err}`.slice(0, 4000));
    expect(`${out}${err}`.trim()).toEndWith(": OK");
    expect(code).toBe(0);
  }, 60_000);

  test.each(USERS)("schemathesis as %s: no server error, response or status outside the document", async (user) => {
    const run = await service.runs[user]!;
    const file = `${service.name}-${user}.txt`;
    writeFileSync(join(ARTIFACTS, file), run.output);
    console.log(`[schemathesis] ${service.name} as ${user}: ${run.cases} cases, ${run.failures} failures `
      + `${JSON.stringify(run.failuresByKind)} in ${run.seconds.toFixed(0)} s (output: .artifacts/schemathesis/${file})`);
    if (run.exitCode !== 0) console.log(run.failures > 0 ? run.output.slice(-30_000) : run.summary);
    const alive = await service.server!.alive();
    if (!alive) console.log(service.server!.output().slice(-8000));
    expect(alive).toBe(true);
    expect(run.cases).toBeGreaterThan(0);
    expect(run.failuresByKind).toEqual({});
    expect(run.exitCode).toBe(0);
  }, 900_000);
});
