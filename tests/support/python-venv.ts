/**
 * The Python venv of the contract tests (schemathesis, openapi-spec-validator):
 * created by the test runner from tests/contract/requirements.txt, reused while
 * that file is unchanged, rebuilt when it changes or a previous install broke off.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const PYTHON_VENV_ENV = "CONTRACT_PYTHON_BIN";

export interface PythonVenvOptions {
  dir: string;
  requirementsFile: string;
  log: (line: string) => void;
}

/** Returns the venv's bin directory, installing the requirements first when needed. */
export async function ensurePythonVenv(opts: PythonVenvOptions): Promise<string> {
  const bin = join(opts.dir, "bin");
  const requirements = readFileSync(opts.requirementsFile, "utf8");
  // Written last, so an install that broke off (Ctrl-C, no network) is redone next time.
  const stamp = join(opts.dir, "installed-requirements.txt");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === requirements) return bin;
  rmSync(opts.dir, { recursive: true, force: true });
  const python = Bun.which("python3") ?? Bun.which("python");
  if (!python) throw new Error("python3 not found: the contract tests need Python 3 with venv");
  opts.log(`creating Python venv ${opts.dir}`);
  await step(opts, [python, "-m", "venv", opts.dir]);
  opts.log(`installing ${pins(requirements).join(", ")} (progress below)`);
  await step(opts, [join(bin, "python"), "-m", "pip", "install", "--disable-pip-version-check",
    "--progress-bar", "off", "-r", opts.requirementsFile]);
  writeFileSync(stamp, requirements);
  opts.log("Python venv ready");
  return bin;
}

function pins(requirements: string): string[] {
  return requirements.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

async function step(opts: PythonVenvOptions, cmd: string[]): Promise<void> {
  const proc = Bun.spawn(cmd, { stdout: "pipe", stderr: "pipe" });
  const tail: string[] = [];
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    let rest = "";
    const decoder = new TextDecoder();
    for await (const bytes of stream) {
      const chunk = decoder.decode(bytes, { stream: true });
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        // pip's "Collecting …" / "Installing collected packages" lines are the progress.
        if (/^(Collecting|Installing|Successfully|ERROR)/.test(line)) opts.log(`  ${line.replace(/ \(from .*$/, "")}`);
        tail.push(line);
        if (tail.length > 40) tail.shift();
      }
    }
  };
  await Promise.all([pump(proc.stdout), pump(proc.stderr)]);
  const code = await proc.exited;
  if (code !== 0) throw new Error(`${cmd.slice(0, 3).join(" ")} … exited ${code}:\n${tail.join("\n")}`);
}
