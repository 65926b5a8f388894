/**
 * `bun run test`: starts what the suite needs (an embedded Postgres on a free
 * port with a fresh cluster, a local Kafka broker unless KAFKA_BROKERS is set),
 * prepares a seeded template database, runs tsc, the generated-SQL check and
 * bun test, stops everything even on failure, and ends with "N passed, N failed".
 */
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { scratchDir, startEmbeddedPostgres, type EmbeddedPostgresServer } from "../src/engine/db/embedded-postgres";
import { createDatabase, ensureDatabaseExists, type Database } from "../src/engine/db/database";
import { prepareNorthwindDatabase } from "../src/northwind/database";
import { prepareShippingDatabase } from "../shipping/database";
import { ensurePythonVenv, PYTHON_VENV_ENV } from "../tests/support/python-venv";
import { SHIPPING_TEMPLATE_DATABASE, TEMPLATE_DATABASE } from "../tests/support/test-database";

const ROOT = join(import.meta.dir, "..");
const say = (line: string) => console.log(`[test] ${line}`);

/** Checks that need no services: types, and generated SQL matching its spec. */
const STATIC_CHECKS: [string, string[]][] = [
  ["type check", ["bunx", "tsc", "--noEmit", "-p", "."]],
  // Rules, publish rules and grants: prints which file is stale and at which line.
  ["generated SQL check", ["bun", "scripts/sql-generate.ts", "--check"]],
];

interface Services { env: Record<string, string>; stop(): Promise<void> }

async function startPostgres(workDir: string): Promise<{ server?: EmbeddedPostgresServer; adminUrl: string }> {
  if (process.env.TEST_DATABASE_ADMIN_URL) return { adminUrl: process.env.TEST_DATABASE_ADMIN_URL };
  const server = await startEmbeddedPostgres({ baseDir: join(workDir, "postgres"), log: say });
  say(`postgres up on port ${server.port}`);
  return { server, adminUrl: server.adminUrl };
}

/** Migrated, seeded databases that each test file clones. */
async function prepareTemplates(adminUrl: string): Promise<void> {
  await prepareTemplate(adminUrl, TEMPLATE_DATABASE, (db) => prepareNorthwindDatabase(db));
  await prepareTemplate(adminUrl, SHIPPING_TEMPLATE_DATABASE, (db) => prepareShippingDatabase(db));
}

async function prepareTemplate(adminUrl: string, name: string, prepare: (db: Database) => Promise<unknown>): Promise<void> {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await ensureDatabaseExists(adminUrl, name);
  const database = createDatabase({ url: url.toString(), max: 2 });
  try {
    await prepare(database);
    say(`template database ${name} ready`);
  } finally {
    await database.close();
  }
}

async function startKafka(workDir: string): Promise<{ brokers?: string; stop(): Promise<void> }> {
  if (process.env.KAFKA_BROKERS) return { brokers: process.env.KAFKA_BROKERS, stop: async () => {} };
  const { canRunLocalKafka, startLocalKafka } = await import("../src/engine/kafka/local-kafka");
  if (!canRunLocalKafka()) {
    say("java/mvn not found: Kafka tests will be skipped");
    return { stop: async () => {} };
  }
  const kafka = await startLocalKafka({ dataDir: join(workDir, "kafka"), log: say });
  say(`kafka up at ${kafka.brokers.join(",")}`);
  return { brokers: kafka.brokers.join(","), stop: () => kafka.stop() };
}

async function startServices(workDir: string): Promise<Services> {
  const [pgResult, kafkaResult] = await Promise.allSettled([startPostgres(workDir), startKafka(workDir)]);
  const pg = pgResult.status === "fulfilled" ? pgResult.value : undefined;
  const kafka = kafkaResult.status === "fulfilled" ? kafkaResult.value : undefined;
  const stop = async () => {
    await kafka?.stop().catch((e) => say(`kafka stop: ${e}`));
    await pg?.server?.stop().catch((e) => say(`postgres stop: ${e}`));
  };
  try {
    if (!pg) throw (pgResult as PromiseRejectedResult).reason;
    if (!kafka) throw (kafkaResult as PromiseRejectedResult).reason;
    await prepareTemplates(pg.adminUrl);
  } catch (e) {
    await stop();
    throw e;
  }
  const env: Record<string, string> = { TEST_DATABASE_ADMIN_URL: pg.adminUrl };
  if (kafka.brokers) env.KAFKA_BROKERS = kafka.brokers;
  return { env, stop };
}

/**
 * The contract tests' Python tools; when they cannot be installed, those tests fail saying why.
 * A run of named files outside tests/contract needs none, so it installs nothing.
 */
async function pythonTools(args: string[]): Promise<Record<string, string>> {
  const named = args.filter((a) => !a.startsWith("-"));
  const needed = named.length === 0 || named.some((a) => a.includes("contract") || !existsSync(resolve(ROOT, a)));
  if (!needed) return {};
  try {
    const bin = await ensurePythonVenv({ dir: join(ROOT, ".venv-schemathesis"),
      requirementsFile: join(ROOT, "tests/contract/requirements.txt"), log: say });
    return { [PYTHON_VENV_ENV]: bin };
  } catch (e) {
    say(`Python venv for the contract tests failed: ${e instanceof Error ? e.message : String(e)}`);
    return {};
  }
}

async function run(cmd: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  say(`$ ${cmd.join(" ")}`);
  const proc = Bun.spawn(cmd, { cwd: ROOT, env: { ...process.env, ...env }, stdout: "pipe", stderr: "pipe" });
  const chunks: string[] = [];
  const pump = async (stream: ReadableStream<Uint8Array>, out: NodeJS.WriteStream) => {
    const decoder = new TextDecoder();
    for await (const chunk of stream) {
      const text = decoder.decode(chunk, { stream: true });
      chunks.push(text);
      out.write(text);
    }
  };
  await Promise.all([pump(proc.stdout, process.stdout), pump(proc.stderr, process.stderr)]);
  return { code: await proc.exited, output: chunks.join("") };
}

function countResults(output: string): { passed: number; failed: number; skipped: number } {
  const num = (re: RegExp) => Number(output.match(re)?.[1] ?? 0);
  return { passed: num(/^\s*(\d+) pass\s*$/m), failed: num(/^\s*(\d+) fail\s*$/m), skipped: num(/^\s*(\d+) skip\s*$/m) };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // TEST_SKIP_CHECKS=1 skips them for a quick local re-run of a few files; CI never sets it.
  for (const [label, cmd] of process.env.TEST_SKIP_CHECKS === "1" ? [] : STATIC_CHECKS) {
    const check = await run(cmd);
    if (check.code !== 0) { say(`${label} failed`); console.log("0 passed, 1 failed"); return 1; }
  }
  const python = await pythonTools(args);
  const workDir = scratchDir("nw-test-");
  const services = await startServices(workDir);
  const onSignal = () => { void services.stop().then(() => process.exit(130)); };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    // The admin browser tests load the bundled SPA; building it takes well under a second.
    const bundle = await run(["bun", "scripts/build.ts"]);
    if (bundle.code !== 0) { say("admin bundle build failed"); console.log("0 passed, 1 failed"); return 1; }
    const tests = await run(["bun", "test", "--timeout", "60000", ...args], { ...services.env, ...python });
    const { passed, failed, skipped } = countResults(tests.output);
    const failedTotal = failed + (tests.code !== 0 && failed === 0 ? 1 : 0);
    console.log(`${passed} passed, ${failedTotal} failed${skipped ? `, ${skipped} skipped` : ""}`);
    return tests.code === 0 && failedTotal === 0 ? 0 : 1;
  } finally {
    await services.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

process.exit(await main());
