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
import { runSchemathesis } from "../support/schemathesis";
import { startServiceProcess, type ServiceProcess } from "../support/service-process";
import { cloneDatabase, SHIPPING_TEMPLATE_DATABASE, type TestDatabase } from "../support/test-database";

const ROOT = join(import.meta.dir, "../..");
const ARTIFACTS = join(ROOT, ".artifacts/schemathesis");
/** Per operation and phase; with ~160 operations this bounds the four runs to a few minutes on 2 cores. */
const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 10);
const SEED = process.env.SCHEMATHESIS_SEED;
// One signing key for both, so a Northwind token is one Shipping can verify once it checks tokens.
const JWT_SECRET = `contract-${crypto.randomUUID()}`;
const USERS = ["admin", "ALFKI"] as const;

function pythonBin(): string {
  const bin = process.env[PYTHON_VENV_ENV];
  if (!bin) throw new Error(`${PYTHON_VENV_ENV} unset: run through \`bun run test\`, which installs the Python tools (see its log)`);
  return bin;
}

interface Service { name: string; entry: string; template?: string; env: Record<string, string>;
  db?: TestDatabase; process?: ServiceProcess }

const services: Service[] = [
  { name: "northwind", entry: "src/server.ts", env: {} },
  { name: "shipping", entry: "shipping/server.ts", template: SHIPPING_TEMPLATE_DATABASE,
    env: { SHIPPING_GROUP_ID: `contract-${crypto.randomUUID()}` } },
];
const tokens: Partial<Record<(typeof USERS)[number], string>> = {};

beforeAll(async () => {
  await Promise.all(services.map(async (s) => {
    s.db = await cloneDatabase(s.template);
    s.process = await startServiceProcess(join(ROOT, s.entry), { ...s.env, DATABASE_URL: s.db.url, JWT_SECRET });
  }));
  const northwind = services[0]!.process!;
  for (const user of USERS) {
    const res = await fetch(`${northwind.url}/api/auth/login`, { method: "POST",
      headers: { "content-type": "application/json" }, body: JSON.stringify({ username: user, password: "p" }) });
    if (res.status !== 200) throw new Error(`login as ${user}: ${res.status} ${await res.text()}`);
    tokens[user] = ((await res.json()) as { access_token: string }).access_token;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
}, 90_000);

afterAll(async () => {
  await Promise.all(services.map(async (s) => {
    await s.process?.stop();
    await s.db?.drop();
  }));
});

async function fetchDocument(service: Service): Promise<string> {
  const path = join(ARTIFACTS, `${service.name}-openapi.json`);
  writeFileSync(path, await (await fetch(`${service.process!.url}/openapi.json`)).text());
  return path;
}

describe.each(services)("$name", (service) => {
  test("its /openapi.json is a valid OpenAPI 3.1 document", async () => {
    const path = await fetchDocument(service);
    const proc = Bun.spawn([join(pythonBin(), "openapi-spec-validator"), "--schema", "3.1.0", path],
      { stdout: "pipe", stderr: "pipe" });
    const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
    if (code !== 0) console.log(`${out}${err}`.slice(0, 4000));
    expect(`${out}${err}`.trim()).toEndWith(": OK");
    expect(code).toBe(0);
  }, 60_000);

  test.each(USERS)("schemathesis as %s: no server error, response or status outside the document", async (user) => {
    const run = await runSchemathesis({ bin: pythonBin(), schemaUrl: `${service.process!.url}/openapi.json`,
      headers: { authorization: `Bearer ${tokens[user]}` }, maxExamples: MAX_EXAMPLES, seed: SEED });
    writeFileSync(join(ARTIFACTS, `${service.name}-${user}.txt`), run.output);
    console.log(`[schemathesis] ${service.name} as ${user}: ${run.cases} cases, ${run.failures} failures`
      + ` ${JSON.stringify(run.failuresByKind)} (full output: .artifacts/schemathesis/${service.name}-${user}.txt)`);
    if (run.exitCode !== 0) console.log(run.failures > 0 ? run.output.slice(-30_000) : run.summary);
    const health = await fetch(`${service.process!.url}/health`).then((r) => r.status, () => 0);
    expect({ alive: service.process!.alive(), health }).toEqual({ alive: true, health: 200 });
    expect(run.cases).toBeGreaterThan(0);
    expect(run.failuresByKind).toEqual({});
    expect(run.exitCode).toBe(0);
  }, 600_000);
});
