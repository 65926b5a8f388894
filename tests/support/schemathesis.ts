/**
 * Runs the schemathesis CLI from the contract venv against a running service's
 * /openapi.json and reads back what it did: test cases generated, failures by
 * kind, and the summary to print. The checks are the hardening issue's contract.
 */
import { join } from "node:path";

const CONFIG_FILE = join(import.meta.dir, "../contract/schemathesis.toml");

export const CONTRACT_CHECKS = [
  "not_a_server_error", "response_schema_conformance", "status_code_conformance", "content_type_conformance",
] as const;

export interface SchemathesisOptions {
  bin: string;
  schemaUrl: string;
  headers: Record<string, string>;
  maxExamples: number;
  /** Default: all four (examples, coverage, fuzzing, stateful). */
  phases?: string[];
  /** Where schemathesis runs (it may leave report files there). */
  cwd: string;
  /** Reproduces an earlier run (its seed is printed in the summary). */
  seed?: string;
}

export interface SchemathesisRun {
  exitCode: number;
  /** Test cases generated and sent. */
  cases: number;
  /** Unique failures, and their count per kind ("ST103 Undocumented status code": 3). */
  failures: number;
  failuresByKind: Record<string, number>;
  summary: string;
  output: string;
  seconds: number;
}

export async function runSchemathesis(opts: SchemathesisOptions): Promise<SchemathesisRun> {
  const cmd = [join(opts.bin, "schemathesis"), "--config-file", CONFIG_FILE, "run", opts.schemaUrl, "--no-color",
    "--checks", CONTRACT_CHECKS.join(","),
    "--max-examples", String(opts.maxExamples),
    ...(opts.phases ? ["--phases", opts.phases.join(",")] : []),
    // One worker: hypothesis parses lambda sources in worker threads, and CPython 3.11's AST
    // constructor is not thread-safe there (gh-106905: "AST constructor recursion depth mismatch").
    "--workers", "1",
    // A request this slow is a finding too (a 10,000-item order once took 37 s to be refused).
    "--max-response-time", "10", "--request-timeout", "20",
    // No example database under the checkout: every run starts from its seed alone.
    "--generation-database", "none",
    ...(opts.seed ? ["--seed", opts.seed] : []),
    ...Object.entries(opts.headers).flatMap(([k, v]) => ["--header", `${k}: ${v}`])];
  const started = performance.now();
  const proc = Bun.spawn(cmd, { cwd: opts.cwd, stdout: "pipe", stderr: "pipe",
    env: { ...process.env, SCHEMATHESIS_TELEMETRY: "false" } });
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  const output = stdout + stderr;
  return { exitCode, output, seconds: (performance.now() - started) / 1000, ...readSummary(output) };
}

/** The CLI's SUMMARY section: "Test cases: N generated, M found M unique failures" and "❌ ST103 …: K". */
function readSummary(output: string): Pick<SchemathesisRun, "cases" | "failures" | "failuresByKind" | "summary"> {
  const at = output.lastIndexOf("SUMMARY");
  const summary = at < 0 ? output.slice(-3000) : output.slice(output.lastIndexOf("\n", at) + 1);
  const failuresAt = summary.indexOf("Failures:");
  const failureLines = failuresAt < 0 ? "" : summary.slice(failuresAt, summary.indexOf("\n\n", failuresAt));
  const failuresByKind = Object.fromEntries([...failureLines.matchAll(/^\s*❌\s+(.+?):\s*(\d+)\s*$/gm)]
    .map((m) => [m[1]!.trim(), Number(m[2])]));
  return {
    cases: Number(summary.match(/(\d+) generated/)?.[1] ?? 0),
    failures: Number(summary.match(/(\d+) unique failures?/)?.[1] ?? 0),
    failuresByKind,
    summary,
  };
}
