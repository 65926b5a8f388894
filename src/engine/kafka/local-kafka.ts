// Local Kafka: a real single-node Apache Kafka broker (KRaft, combined broker+controller)
// for development and tests. Its jars are resolved from Maven Central by scripts/kafka/pom.xml
// into a cache folder; the broker runs as a child `java` process with its storage, config
// and logs under `dataDir`, so a restart on the same dataDir keeps topics and offsets.
// With `authenticate`, clients must log in (SASL/PLAIN) with credentials kept in `dataDir`:
// a broker of another checkout on the same port refuses this checkout's clients.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { join, resolve } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { saslOption, type KafkaSasl } from "./kafka-auth";

export interface LocalKafka {
  brokers: string[];
  /** The credentials clients must use, when started with `authenticate`. */
  sasl?: KafkaSasl;
  stop(): Promise<void>;
}

export interface LocalKafkaOptions {
  /** Storage, server.properties and broker logs live here; reused across starts. */
  dataDir: string;
  /** Folder of broker jars, used as is when it already holds jars; defaults to `<cache>/libs` (see `defaultLibsDir`). */
  libsDir?: string;
  /** Broker (PLAINTEXT) port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Progress lines (jar resolution, start, stop); silent when omitted. */
  log?: (line: string) => void;
  /**
   * Require SASL/PLAIN logins with this dataDir's own credentials (dev brokers on a
   * well-known port, which another checkout's broker may take over). Default false.
   */
  authenticate?: boolean;
}

const REPO_ROOT = resolve(import.meta.dir, "../../..");
const POM_PATH = join(REPO_ROOT, "scripts/kafka/pom.xml");
const MARKER = ".resolved";
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const HOST = "127.0.0.1";

/** True when `java` and `mvn` are both on PATH. */
export function canRunLocalKafka(): boolean {
  return onPath("java") && onPath("mvn");
}

/** Resolves jars if needed, formats storage on first use, starts the broker and waits until it serves metadata. */
export async function startLocalKafka(opts: LocalKafkaOptions): Promise<LocalKafka> {
  const log = opts.log ?? (() => {});
  const dataDir = resolve(opts.dataDir);
  const libsDir = resolve(opts.libsDir ?? defaultLibsDir());
  if (opts.libsDir === undefined || jarCount(libsDir) === 0) ensureJars(libsDir, log);
  const [port, controllerPort] = await pickPorts(opts.port);
  await stopStaleBroker(brokerPaths(dataDir), log);
  const sasl = opts.authenticate ? credentialsFor(dataDir) : undefined;
  const paths = writeConfig(dataDir, port, controllerPort, sasl);
  formatStorageOnce(libsDir, paths);
  log(`kafka: starting broker on ${HOST}:${port} (data in ${dataDir})`);
  const started = Date.now();
  const logStart = fileSize(join(paths.logDir, "server.log"));
  const child = spawnBroker(libsDir, paths);
  const brokers = [`${HOST}:${port}`];
  try {
    await waitUntilReady(brokers, sasl, child, brokerError(paths, logStart));
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  log(`kafka: broker ready on ${brokers[0]} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return { brokers, sasl, stop: () => stopChild(child, log) };
}

/** The Kafka version pinned in scripts/kafka/pom.xml. */
export function kafkaVersion(): string {
  const m = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(POM_PATH, "utf8"));
  if (!m?.[1]) throw new Error(`kafka: no <kafka.version> in ${POM_PATH}`);
  return m[1].trim();
}

/** `$KAFKA_CACHE_DIR/libs`, else `<repo>/.data/kafka-libs/<version>/libs`. */
export function defaultLibsDir(): string {
  const cache = process.env.KAFKA_CACHE_DIR || join(REPO_ROOT, ".data/kafka-libs", kafkaVersion());
  return join(resolve(cache), "libs");
}

// ---- jar resolution -------------------------------------------------------------------

function ensureJars(libsDir: string, log: (line: string) => void): void {
  const version = kafkaVersion();
  if (markerVersion(libsDir) === version) return;
  log("kafka: resolving broker jars from Maven Central (first run only)…");
  const started = Date.now();
  const tmp = `${libsDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    runMaven(tmp, version);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  writeFileSync(join(tmp, MARKER), `${version}\n`);
  if (markerVersion(libsDir) !== version) {
    rmSync(libsDir, { recursive: true, force: true });
    renameSync(tmp, libsDir);
  } else rmSync(tmp, { recursive: true, force: true }); // another process won the race
  log(`kafka: ${jarCount(libsDir)} jars ready in ${libsDir} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

function markerVersion(libsDir: string): string | undefined {
  const marker = join(libsDir, MARKER);
  return existsSync(marker) ? readFileSync(marker, "utf8").trim() : undefined;
}

function runMaven(outDir: string, version: string): void {
  const args = ["-q", "-B", "-f", POM_PATH, "dependency:copy-dependencies", `-DoutputDirectory=${outDir}`, `-Dkafka.version=${version}`];
  const res = spawnSync("mvn", args, { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 });
  if (res.status === 0 && jarCount(outDir) > 0) return;
  const output = `${res.stdout ?? ""}${res.stderr ?? ""}${res.error ? String(res.error) : ""}`;
  throw new Error(`kafka: mvn failed to resolve broker jars (exit ${res.status}):\n${tail(output, 40)}`);
}

function jarCount(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".jar")).length : 0;
}

// ---- config and storage ---------------------------------------------------------------

interface BrokerPaths {
  dataDir: string;
  properties: string;
  log4j: string;
  logDir: string;
  storageDir: string;
  stdoutLog: string;
  pidFile: string;
}

function writeConfig(dataDir: string, port: number, controllerPort: number, sasl: KafkaSasl | undefined): BrokerPaths {
  const paths = brokerPaths(dataDir);
  mkdirSync(paths.logDir, { recursive: true });
  mkdirSync(paths.storageDir, { recursive: true });
  // It may hold the broker's password: readable by its owner only.
  writeFileSync(paths.properties, serverProperties(paths.storageDir, port, controllerPort, sasl), { mode: 0o600 });
  chmodSync(paths.properties, 0o600);
  writeFileSync(paths.log4j, log4jProperties());
  return paths;
}

function brokerPaths(dataDir: string): BrokerPaths {
  const logDir = join(dataDir, "logs");
  return {
    dataDir,
    properties: join(dataDir, "server.properties"),
    log4j: join(dataDir, "log4j.properties"),
    logDir,
    storageDir: join(dataDir, "storage"),
    stdoutLog: join(logDir, "stdout.log"),
    pidFile: join(dataDir, "broker.pid"),
  };
}

/** The client listener: plain, or SASL/PLAIN with one user whose credentials are these. */
function listenerProperties(port: number, controllerPort: number, sasl: KafkaSasl | undefined): string[] {
  const name = sasl ? "SASL_PLAINTEXT" : "PLAINTEXT";
  const lines = [
    `listeners=${name}://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}`,
    `advertised.listeners=${name}://${HOST}:${port}`,
    "controller.listener.names=CONTROLLER",
    `inter.broker.listener.name=${name}`,
    `listener.security.protocol.map=${name}:${name},CONTROLLER:PLAINTEXT`,
  ];
  if (!sasl) return lines;
  // Credentials are base64url (see credentialsFor): nothing to escape in the JAAS string.
  return [...lines,
    "sasl.enabled.mechanisms=PLAIN",
    "sasl.mechanism.inter.broker.protocol=PLAIN",
    "listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
      + `username="${sasl.username}" password="${sasl.password}" user_${sasl.username}="${sasl.password}";`,
  ];
}

function serverProperties(storageDir: string, port: number, controllerPort: number, sasl: KafkaSasl | undefined): string {
  return [
    "# Written by src/engine/kafka/local-kafka.ts on every start; edits are overwritten.",
    "process.roles=broker,controller",
    "node.id=1",
    `controller.quorum.voters=1@${HOST}:${controllerPort}`,
    ...listenerProperties(port, controllerPort, sasl),
    `log.dirs=${storageDir}`,
    "num.partitions=1",
    "auto.create.topics.enable=true",
    "offsets.topic.replication.factor=1",
    "offsets.topic.num.partitions=1",
    "transaction.state.log.replication.factor=1",
    "transaction.state.log.min.isr=1",
    "transaction.state.log.num.partitions=1",
    "group.initial.rebalance.delay.ms=0",
    "",
  ].join("\n");
}

function log4jProperties(): string {
  return [
    "log4j.rootLogger=INFO, file",
    "log4j.appender.file=org.apache.log4j.RollingFileAppender",
    "log4j.appender.file.File=${kafka.logs.dir}/server.log",
    "log4j.appender.file.MaxFileSize=10MB",
    "log4j.appender.file.MaxBackupIndex=2",
    "log4j.appender.file.layout=org.apache.log4j.PatternLayout",
    "log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n",
    "log4j.logger.kafka.request.logger=WARN",
    "log4j.logger.state.change.logger=WARN",
    "log4j.logger.org.apache.kafka.clients=WARN",
    "",
  ].join("\n");
}

/** Formats the KRaft storage unless already formatted; the cluster id is kept in dataDir/cluster.id. */
function formatStorageOnce(libsDir: string, paths: BrokerPaths): void {
  if (existsSync(join(paths.storageDir, "meta.properties"))) return;
  const clusterId = clusterIdFor(paths.dataDir);
  const args = [...javaBase(libsDir, paths), "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", paths.properties, "--ignore-formatted"];
  const res = spawnSync("java", args, { encoding: "utf8" });
  if (res.status === 0) return;
  const output = `${res.stdout ?? ""}${res.stderr ?? ""}${res.error ? String(res.error) : ""}`;
  throw new Error(`kafka: storage format failed (exit ${res.status}):\n${tail(output, 40)}`);
}

function clusterIdFor(dataDir: string): string {
  const file = join(dataDir, "cluster.id");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const id = newClusterId();
  writeFileSync(file, `${id}\n`);
  return id;
}

/** This dataDir's client credentials, made on first use and kept (owner-only) in dataDir/credentials.json. */
function credentialsFor(dataDir: string): KafkaSasl {
  const file = join(dataDir, "credentials.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as KafkaSasl;
  mkdirSync(dataDir, { recursive: true });
  const sasl = { username: "local", password: randomBytes(18).toString("base64url") };
  writeFileSync(file, `${JSON.stringify(sasl)}\n`, { mode: 0o600 });
  return sasl;
}

/** Same shape as Kafka's Uuid.randomUuid(): 16 random bytes, base64url, never starting with '-'. */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

// ---- process ----------------------------------------------------------------------------

function javaBase(libsDir: string, paths: BrokerPaths): string[] {
  return [
    "-Xms128m",
    "-Xmx512m",
    "-XX:+UseG1GC",
    "-Djava.awt.headless=true",
    `-Dkafka.logs.dir=${paths.logDir}`,
    `-Dlog4j.configuration=file:${paths.log4j}`,
    "-cp",
    `${libsDir}/*`,
  ];
}

function spawnBroker(libsDir: string, paths: BrokerPaths): ChildProcess {
  const out = openSync(paths.stdoutLog, "a");
  const child = spawn("java", [...javaBase(libsDir, paths), "kafka.Kafka", paths.properties], {
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  if (child.pid !== undefined) writeFileSync(paths.pidFile, `${child.pid} ${process.pid}\n`);
  const killOnExit = (): void => void child.kill("SIGKILL");
  process.on("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  return child;
}

/**
 * A parent killed by SIGKILL (or an unhandled signal) leaves its broker running and holding the
 * storage lock. dataDir/broker.pid records "<broker pid> <parent pid>": an orphaned broker of this
 * dataDir is stopped; one whose parent still runs means the dataDir is in use, which is an error.
 */
async function stopStaleBroker(paths: BrokerPaths, log: (line: string) => void): Promise<void> {
  const [pid = NaN, parent = NaN] = existsSync(paths.pidFile) ? readFileSync(paths.pidFile, "utf8").trim().split(" ").map(Number) : [];
  if (!Number.isInteger(pid) || pid <= 0 || !isOurBroker(pid, paths.properties)) return;
  if (parentPid(pid) === parent && isAlive(parent)) {
    throw new Error(`kafka: ${paths.dataDir} is in use by a running broker (pid ${pid}, started by pid ${parent})`);
  }
  log(`kafka: stopping a broker left running by an earlier run (pid ${pid})`);
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + STOP_GRACE_MS;
  while (isAlive(pid) && Date.now() < deadline) await Bun.sleep(100);
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
  while (isAlive(pid)) await Bun.sleep(50);
}

function isOurBroker(pid: number, properties: string): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!isAlive(pid) || !existsSync(cmdline)) return false;
  const args = readFileSync(cmdline, "utf8").split("\0");
  return args.includes("kafka.Kafka") && args.includes(properties);
}

/** Fields of /proc/<pid>/stat after "(comm)": state, ppid, …; undefined when unreadable. */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

function parentPid(pid: number): number {
  return Number(procStat(pid)?.[1]);
}

function isAlive(pid: number): boolean {
  const state = procStat(pid)?.[0];
  return state !== undefined && state !== "Z";
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopChild(child: ChildProcess, log: (line: string) => void = () => {}): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => {
    log("kafka: broker did not stop in time, killing it");
    child.kill("SIGKILL");
  }, STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
  log("kafka: broker stopped");
}

// ---- readiness --------------------------------------------------------------------------

async function waitUntilReady(brokers: string[], sasl: KafkaSasl | undefined, child: ChildProcess,
  fail: (message: string) => Error): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = "";
  while (Date.now() < deadline) {
    if (hasExited(child)) throw fail(`broker exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    const err = await tryProbe(brokers, sasl);
    if (err === undefined) return;
    lastError = err;
    await Bun.sleep(250);
  }
  throw fail(`broker not ready after ${READY_TIMEOUT_MS / 1000}s (last error: ${lastError})`);
}

/** Ready = metadata is served and the group coordinator answers (this also creates __consumer_offsets). */
async function tryProbe(brokers: string[], sasl: KafkaSasl | undefined): Promise<string | undefined> {
  const kafka = new Kafka({ clientId: "local-kafka-probe", brokers, logLevel: logLevel.NOTHING, connectionTimeout: 1000,
    retry: { retries: 0 }, ...saslOption(sasl) });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.listTopics();
    await admin.describeGroups(["local-kafka-probe"]);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** Builds the start failure error from what this start (bytes past `logStart`) wrote to server.log. */
function brokerError(paths: BrokerPaths, logStart: number): (message: string) => Error {
  return (message) => {
    const serverLog = join(paths.logDir, "server.log");
    const bytes = existsSync(serverLog) ? readFileSync(serverLog) : Buffer.alloc(0);
    const text = bytes.subarray(logStart <= bytes.length ? logStart : 0).toString("utf8"); // rotated: whole file
    return new Error(
      `kafka: ${message}\n--- errors in ${serverLog} ---\n${errorLines(text, 6)}` +
        `\n--- ${serverLog} (tail) ---\n${tail(text, 20)}\n--- ${paths.stdoutLog} (tail) ---\n${readTail(paths.stdoutLog, 15)}`,
    );
  };
}

/** The last `max` ERROR/FATAL log lines, each with the line after it (usually the exception). */
function errorLines(text: string, max: number): string {
  const lines = text.split("\n");
  const hits = lines.flatMap((line, i) => (/\] (ERROR|FATAL) /.test(line) ? [`${line}\n  ${lines[i + 1] ?? ""}`] : []));
  return hits.length ? hits.slice(-max).join("\n") : "(none)";
}

// ---- helpers ----------------------------------------------------------------------------

async function pickPorts(port: number | undefined): Promise<[number, number]> {
  const servers = await Promise.all([port === undefined ? listenFree() : undefined, listenFree()]);
  const ports = servers.map((s) => (s ? (s.address() as AddressInfo).port : port));
  await Promise.all(servers.map((s) => (s ? new Promise((res) => s.close(res)) : undefined)));
  const [broker, controller] = ports;
  if (broker === undefined || controller === undefined) throw new Error("kafka: could not pick ports");
  return [broker, controller];
}

function listenFree(): Promise<Server> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once("error", rej);
    server.listen(0, HOST, () => res(server));
  });
}

function onPath(cmd: string): boolean {
  return Bun.which(cmd) !== null;
}

function fileSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

function readTail(file: string, lines: number): string {
  return existsSync(file) ? tail(readFileSync(file, "utf8"), lines) : "(no file)";
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}
