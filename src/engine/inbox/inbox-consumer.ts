/**
 * A Kafka consumer that applies each message effectively once: the inbox row
 * and the handler's rows commit in one transaction, and the offset is committed
 * only after that. Poison messages go to a dead-letter topic with the reason in
 * headers and the partition moves on; transient failures retry the same message.
 */
import { Kafka, logLevel, type Consumer, type EachMessagePayload, type IHeaders, type Producer } from "kafkajs";
import type { Logger } from "pino";
import { sql } from "drizzle-orm";
import type { Database } from "../db/database";
import { saslOption, type KafkaSasl } from "../kafka/kafka-auth";
import type { DrizzleTx } from "../db/session";
import { inSessionTransaction } from "../db/session-transaction";
import type { ConsumerHealth } from "../http/health";
import { ensureTopics } from "../kafka/topics";
import { classifyFailure, describeFailure, PoisonMessage } from "./failure-kind";

export type { DrizzleTx };

export type InboxHandler = (tx: DrizzleTx, document: unknown,
  meta: { messageId: string; key: string | null }) => Promise<void>;

export interface InboxConsumerOptions {
  database: Database;
  brokers: string[];
  /** SASL/PLAIN credentials, when the brokers require them (the dev broker does). */
  sasl?: KafkaSasl;
  groupId: string;
  topic: string;
  deadLetterTopic: string;
  handle: InboxHandler;
  logger: Logger;
  maxBackoffMs?: number;
  /** Kafka group session timeout: how long a crashed member holds its partitions before the group moves on. */
  sessionTimeoutMs?: number;
}

export interface InboxConsumer extends ConsumerHealth {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A message retried this long on a transient failure (database away) makes the consumer not ok. */
const STUCK_AFTER_MS = 5000;

export function createInboxConsumer(opts: InboxConsumerOptions): InboxConsumer {
  const log = opts.logger.child({ component: "consumer", topic: opts.topic });
  const kafka = new Kafka({ clientId: opts.groupId, brokers: opts.brokers, logLevel: logLevel.NOTHING, ...saslOption(opts.sasl) });
  let consumer: Consumer | undefined;
  let producer: Producer | undefined;
  let stopping = false;
  let state: "starting" | "running" | "crashed" | "stopped" = "starting";
  let failingSince: number | undefined;
  let lastFailure: string | undefined;

  async function deadLetter(payload: EachMessagePayload, reason: string): Promise<void> {
    const { topic, partition, message } = payload;
    await producer!.send({
      topic: opts.deadLetterTopic,
      acks: -1,
      messages: [{
        key: message.key, value: message.value,
        headers: { ...message.headers, "dlq-reason": reason, "dlq-topic": topic,
          "dlq-partition": String(partition), "dlq-offset": message.offset },
      }],
    });
    log.warn({ partition, offset: message.offset, reason }, "consumer: message dead-lettered");
  }

  /** Returns true when the rows were written now, false when the message id was seen before. */
  async function applyOnce(payload: EachMessagePayload, messageId: string, document: unknown): Promise<boolean> {
    const { topic, partition, message } = payload;
    return inSessionTransaction(opts.database, undefined, async (tx) => {
      const inserted = await tx.execute(sql`insert into inbox (message_id, topic, partition, "offset")
        values (${messageId}, ${topic}, ${partition}, ${message.offset}) on conflict (message_id) do nothing returning 1`);
      if (inserted.length === 0) return false;
      await opts.handle(tx, document, { messageId, key: message.key?.toString() ?? null });
      return true;
    });
  }

  async function processMessage(payload: EachMessagePayload): Promise<void> {
    const { message, partition } = payload;
    const messageId = header(message.headers, "message-id") ?? `${payload.topic}-${partition}-${message.offset}`;
    let backoff = 200;
    for (;;) {
      try {
        const document = parseJson(message.value?.toString());
        const applied = await applyOnce(payload, messageId, document);
        failingSince = lastFailure = undefined;
        log.debug({ messageId, applied }, applied ? "consumer: applied" : "consumer: duplicate skipped");
        return;
      } catch (err) {
        if (classifyFailure(err) === "poison") return deadLetter(payload, describeFailure(err));
        if (stopping) throw err; // leave the offset uncommitted; the next owner retries
        failingSince ??= Date.now();
        lastFailure = describeFailure(err);
        log.warn({ messageId, err: lastFailure, retryInMs: backoff }, "consumer: transient failure; retrying");
        await Bun.sleep(backoff);
        // Short cap: once the database is back the message is applied within a second or so.
        backoff = Math.min(backoff * 2, opts.maxBackoffMs ?? 1000);
        // Waiting out a database restart can outlast the session timeout; heartbeats keep the partition.
        await payload.heartbeat().catch(() => {});
      }
    }
  }

  return {
    async start() {
      // Both topics exist before any producer, so the consumer can start first.
      await ensureTopics(kafka, [opts.topic, opts.deadLetterTopic]);
      producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      // 10 s rather than kafkajs's 30 s: a member that crashed (or was killed) gives its partitions up sooner.
      const sessionTimeout = opts.sessionTimeoutMs ?? 10_000;
      consumer = kafka.consumer({ groupId: opts.groupId, sessionTimeout, heartbeatInterval: Math.min(3000, sessionTimeout / 3) });
      consumer.on(consumer.events.GROUP_JOIN, () => { state = "running"; });
      // kafkajs restarts the consumer itself after retriable crashes; only a final one ends it.
      consumer.on(consumer.events.CRASH, (e) => {
        log.error({ err: e.payload.error?.message, restart: e.payload.restart }, "consumer: crashed");
        if (!e.payload.restart) state = "crashed";
      });
      await consumer.connect();
      await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
      // An offset is resolved only when eachMessage returns, i.e. after the database
      // commit; resolved offsets are committed in batches. A crash between the two
      // redelivers a few messages, which the inbox then skips.
      await consumer.run({
        autoCommit: true,
        autoCommitInterval: 500,
        autoCommitThreshold: 100,
        eachMessage: (payload) => processMessage(payload),
      });
      log.info({ groupId: opts.groupId }, "consumer: started");
    },
    status() {
      const stuck = failingSince !== undefined && Date.now() - failingSince > STUCK_AFTER_MS;
      return { ok: state === "running" && !stuck, state: stuck ? "retrying" : state,
        ...(lastFailure ? { detail: lastFailure } : {}) };
    },
    async stop() {
      stopping = true;
      state = "stopped";
      await consumer?.disconnect().catch(() => {});
      await producer?.disconnect().catch(() => {});
    },
  };
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) throw new PoisonMessage("empty message value");
  try {
    return JSON.parse(text);
  } catch {
    throw new PoisonMessage("malformed JSON");
  }
}

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
