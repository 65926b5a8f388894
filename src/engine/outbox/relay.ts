/**
 * The outbox relay: one active instance (Postgres advisory lock; others wait as
 * standby) claims committed outbox rows in order, publishes them with an
 * idempotent kafkajs producer (acks=all), and marks them delivered only after
 * the broker acknowledged. Woken by LISTEN/NOTIFY, with polling as a fallback.
 */
import { Kafka, logLevel, type Producer } from "kafkajs";
import type { Logger } from "pino";
import postgres from "postgres";
import type { Sql } from "../db/database";
import { saslOption, type KafkaSasl } from "../kafka/kafka-auth";
import { ensureTopics } from "../kafka/topics";
import { OUTBOX_CHANNEL } from "./outbox.schema";
import { claimBatch, markDelivered, markFailed, type OutboxMessage } from "./outbox-store";

export interface RelayOptions {
  sql: Sql;
  /** The same database as `sql`: the leader lock lives on a connection of its own. */
  databaseUrl: string;
  brokers: string[];
  /** SASL/PLAIN credentials, when the brokers require them (the dev broker does). */
  sasl?: KafkaSasl;
  logger: Logger;
  clientId?: string;
  /** Topics to create up front (idempotent). */
  topics?: string[];
  /** Prepended to every topic, e.g. "staging." to share one cluster between environments. */
  topicPrefix?: string;
  batchSize?: number;
  pollIntervalMs?: number;
  /** After a wake-up, wait this long so messages committed meanwhile share the batch. */
  coalesceMs?: number;
  maxBackoffMs?: number;
}

export interface Relay {
  start(): Promise<void>;
  /** Finishes the batch in flight, then releases the lock and the producer. */
  stop(): Promise<void>;
  readonly isLeader: boolean;
  /** Resolves once the relay has published everything pending right now. */
  idle(): Promise<void>;
}

const LOCK_KEY = 0x6f7574626f78; // "outbox"

export function createRelay(opts: RelayOptions): Relay {
  const log = opts.logger.child({ component: "relay" });
  const kafka = new Kafka({ clientId: opts.clientId ?? "outbox-relay", brokers: opts.brokers, logLevel: logLevel.NOTHING,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 }, ...saslOption(opts.sasl) });
  const batchSize = opts.batchSize ?? 200;
  const prefix = opts.topicPrefix ?? "";
  const pollMs = opts.pollIntervalMs ?? 1000;
  const coalesceMs = opts.coalesceMs ?? 20;
  const maxBackoff = opts.maxBackoffMs ?? 15_000;
  let producer: Producer | undefined;
  // A one-connection client of its own holds the session-level lock (a reserved pool
  // connection does not survive a server restart cleanly).
  const lock = postgres(opts.databaseUrl, { max: 1, onnotice: () => {}, idle_timeout: 0,
    connection: { application_name: "outbox-relay-lock" } });
  let running = false;
  let leader = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  const idleWaiters: (() => void)[] = [];

  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => { wake = undefined; resolve(); }, ms);
    wake = () => { clearTimeout(timer); wake = undefined; resolve(); };
  });

  async function acquireLeadership(): Promise<boolean> {
    try {
      const [row] = await lock<{ ok: boolean }[]>`select pg_try_advisory_lock(${LOCK_KEY}) as ok`;
      return row?.ok === true;
    } catch (err) {
      log.warn({ err: (err as Error).message }, "relay: cannot reach Postgres for the leader lock; retrying");
      return false;
    }
  }

  /** The lock belongs to one server session: after a reconnect it is gone and must be taken again. */
  async function stillLeader(): Promise<boolean> {
    try {
      const [row] = await lock<{ held: boolean }[]>`select exists (select 1 from pg_locks where locktype = 'advisory'
        and classid = ${Math.floor(LOCK_KEY / 2 ** 32)} and objid = ${LOCK_KEY % 2 ** 32} and objsubid = 1 and pid = pg_backend_pid() and granted) as held`;
      return row?.held === true;
    } catch {
      return false;
    }
  }

  async function ensureProducer(): Promise<Producer> {
    if (producer) return producer;
    const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
    await p.connect();
    // The producer can still create topics on first send, so a failure here is not fatal.
    await ensureTopics(kafka, (opts.topics ?? []).map((topic) => prefix + topic))
      .catch((err: unknown) => log.warn({ err: (err as Error).message }, "relay: could not create topics up front"));
    producer = p;
    log.info({ brokers: opts.brokers }, "relay: connected to Kafka");
    return p;
  }

  async function publish(messages: OutboxMessage[]): Promise<void> {
    const p = await ensureProducer();
    const byTopic = new Map<string, OutboxMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await p.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, ms]) => ({
        topic: prefix + topic,
        messages: ms.map((m) => ({
          key: m.aggregateId,
          value: JSON.stringify(m.payload),
          headers: { ...stringHeaders(m.headers), "message-id": m.id, type: m.type },
        })),
      })),
    });
  }

  /** Publishes batches until nothing is deliverable; returns false on a failure. */
  async function drain(): Promise<boolean> {
    for (;;) {
      const batch = await claimBatch(opts.sql, batchSize);
      if (batch.length === 0) return true;
      const ids = batch.map((m) => m.id);
      try {
        await publish(batch);
      } catch (err) {
        await markFailed(opts.sql, ids, String((err as Error).message ?? err)).catch(() => {});
        await producer?.disconnect().catch(() => {});
        producer = undefined;
        throw err;
      }
      await markDelivered(opts.sql, ids);
      log.debug({ count: batch.length, lastSeq: batch.at(-1)?.seq }, "relay: delivered");
      if (batch.length < batchSize) return true;
    }
  }

  async function run(): Promise<void> {
    let backoff = 250;
    while (running) {
      try {
        if (!leader || !(await stillLeader())) {
          leader = await acquireLeadership();
          if (!leader) { await sleep(2000); continue; }
          log.info("relay: active (holding the outbox lock)");
        }
        await drain();
        backoff = 250;
        idleWaiters.splice(0).forEach((resolve) => resolve());
        await sleep(pollMs);
        // Under load every commit notifies: a short pause gathers them into one batch
        // (one Kafka round trip, one UPDATE) instead of one each.
        if (coalesceMs > 0) await Bun.sleep(coalesceMs);
      } catch (err) {
        log.warn({ err: (err as Error).message, retryInMs: backoff }, "relay: delivery failed; messages stay pending");
        await sleep(backoff);
        backoff = Math.min(backoff * 2, maxBackoff);
      }
    }
  }

  return {
    get isLeader() { return leader; },
    async start() {
      if (running) return;
      running = true;
      const listener = await opts.sql.listen(OUTBOX_CHANNEL, () => wake?.()).catch((err: unknown) => {
        log.warn({ err }, "relay: LISTEN failed; polling only");
        return undefined;
      });
      unlisten = listener ? () => listener.unlisten() : undefined;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await unlisten?.().catch(() => {});
      await producer?.disconnect().catch(() => {});
      producer = undefined;
      await lock`select pg_advisory_unlock(${LOCK_KEY})`.catch(() => {});
      await lock.end({ timeout: 2 }).catch(() => {});
      leader = false;
      idleWaiters.splice(0).forEach((resolve) => resolve());
    },
    idle() {
      return new Promise<void>((resolve) => { idleWaiters.push(resolve); wake?.(); });
    },
  };
}

function stringHeaders(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}
