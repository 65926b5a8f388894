/**
 * The outbox relay: one active instance (Postgres advisory lock; others wait as
 * standby) claims committed outbox rows in order, publishes them with an
 * idempotent kafkajs producer (acks=all), and marks them delivered only after
 * the broker acknowledged. Woken by LISTEN/NOTIFY, with polling as a fallback.
 * Every database step has a deadline, so a lost server shows as an error and a
 * retry (and in `status()`), never as a silent hang.
 */
import { Kafka, logLevel, type Producer } from "kafkajs";
import type { Logger } from "pino";
import postgres from "postgres";
import { isConnectionError } from "../db/connection-errors";
import { RECONNECT_OPTIONS, type Sql } from "../db/database";
import { saslOption, type KafkaSasl } from "../kafka/kafka-auth";
import { ensureTopics } from "../kafka/topics";
import { OUTBOX_CHANNEL } from "./outbox.schema";
import { claimBatch, markDelivered, markFailed, relayLockHeld, RELAY_LOCK_KEY, type OutboxMessage } from "./outbox-store";

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
  /** A writer transaction open longer than this stops holding back later ones (see claimBatch). */
  maxHoldMs?: number;
  /** A database step that takes longer than this counts as failed (the connection is presumed lost). */
  stepTimeoutMs?: number;
}

/** What the relay knows about itself, for its /health. */
export interface RelayStatus {
  running: boolean;
  leader: boolean;
  /** Whether the last database step succeeded. */
  databaseUp: boolean;
  /** When the last batch was acknowledged by Kafka and marked delivered. */
  lastProgressAt: number | undefined;
  lastError: string | undefined;
}

export interface Relay {
  start(): Promise<void>;
  /** Finishes the batch in flight, then releases the lock and the producer. */
  stop(): Promise<void>;
  readonly isLeader: boolean;
  /** Resolves once the relay has published everything pending right now. */
  idle(): Promise<void>;
  status(): RelayStatus;
}

const LOCK_KEY = RELAY_LOCK_KEY;

export function createRelay(opts: RelayOptions): Relay {
  const log = opts.logger.child({ component: "relay" });
  const kafka = new Kafka({ clientId: opts.clientId ?? "outbox-relay", brokers: opts.brokers, logLevel: logLevel.NOTHING,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 }, ...saslOption(opts.sasl) });
  const batchSize = opts.batchSize ?? 200;
  const prefix = opts.topicPrefix ?? "";
  const pollMs = opts.pollIntervalMs ?? 1000;
  const coalesceMs = opts.coalesceMs ?? 20;
  // Short: after the database or the broker returns, delivery resumes within a couple of seconds.
  const maxBackoff = opts.maxBackoffMs ?? 2000;
  const maxHoldMs = opts.maxHoldMs ?? 1000;
  const stepTimeoutMs = opts.stepTimeoutMs ?? 10_000;
  let producer: Producer | undefined;
  // A one-connection client of its own holds the session-level lock (a reserved pool
  // connection does not survive a server restart cleanly).
  const lock = postgres(opts.databaseUrl, { ...RECONNECT_OPTIONS, max: 1, onnotice: () => {}, idle_timeout: 0,
    connection: { application_name: "outbox-relay-lock" } });
  let running = false;
  let leader = false;
  let databaseUp = false;
  let lastProgressAt: number | undefined;
  let lastError: string | undefined;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  const idleWaiters: (() => void)[] = [];

  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => { wake = undefined; resolve(); }, ms);
    wake = () => { clearTimeout(timer); wake = undefined; resolve(); };
  });

  /** Rejects when `step` takes longer than the step timeout (the query itself fails later, on its own). */
  function deadline<T>(what: string, step: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${stepTimeoutMs} ms`)), stepTimeoutMs);
    });
    step.catch(() => {}); // a step that fails after its deadline has already been reported
    return Promise.race([step, late]).finally(() => clearTimeout(timer));
  }

  async function acquireLeadership(): Promise<boolean> {
    try {
      const [row] = await deadline("taking the leader lock", lock<{ ok: boolean }[]>`select pg_try_advisory_lock(${LOCK_KEY}) as ok`);
      databaseUp = true;
      return row?.ok === true;
    } catch (err) {
      if (databaseUp || lastError === undefined) {
        log.warn({ err: (err as Error).message }, "relay: cannot reach Postgres for the leader lock; retrying every second");
      }
      databaseUp = false;
      lastError = (err as Error).message;
      return false;
    }
  }

  /** The lock belongs to one server session: after a reconnect it is gone and must be taken again. */
  async function stillLeader(): Promise<boolean> {
    try {
      return await deadline("checking the leader lock", relayLockHeld(lock, "me"));
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
      const batch = await deadline("claiming outbox rows", claimBatch(opts.sql, batchSize, maxHoldMs));
      databaseUp = true;
      if (batch.length === 0) return true;
      const ids = batch.map((m) => m.id);
      try {
        await publish(batch);
      } catch (err) {
        await deadline("recording the failure", markFailed(opts.sql, ids, String((err as Error).message ?? err))).catch(() => {});
        await producer?.disconnect().catch(() => {});
        producer = undefined;
        throw err;
      }
      // Should this fail (database lost after Kafka acknowledged), the rows stay pending and
      // are sent again: at-least-once, which Shipping's inbox turns into exactly-once.
      await deadline("marking rows delivered", markDelivered(opts.sql, ids));
      lastProgressAt = Date.now();
      lastError = undefined;
      log.debug({ count: batch.length, lastSeq: batch.at(-1)?.seq }, "relay: delivered");
      if (batch.length < batchSize) return true;
    }
  }

  async function run(): Promise<void> {
    let backoff = 250;
    while (running) {
      try {
        if (!leader || !(await stillLeader())) {
          const wasLeader = leader;
          leader = await acquireLeadership();
          if (!leader) {
            if (wasLeader) log.warn("relay: lost the outbox lock (database restarted?); taking it again");
            await sleep(1000);
            continue;
          }
          log.info("relay: active (holding the outbox lock)");
          lastError = undefined;
        }
        await drain();
        backoff = 250;
        idleWaiters.splice(0).forEach((resolve) => resolve());
        await sleep(pollMs);
        // Under load every commit notifies: a short pause gathers them into one batch
        // (one Kafka round trip, one UPDATE) instead of one each.
        if (coalesceMs > 0) await Bun.sleep(coalesceMs);
      } catch (err) {
        lastError = (err as Error).message;
        if (isConnectionError(err) || lastError.includes("took longer than")) databaseUp = false;
        log.warn({ err: lastError, retryInMs: backoff }, "relay: delivery failed; messages stay pending");
        await sleep(backoff);
        backoff = Math.min(backoff * 2, maxBackoff);
      }
    }
  }

  return {
    get isLeader() { return leader; },
    status: () => ({ running, leader, databaseUp, lastProgressAt, lastError }),
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
