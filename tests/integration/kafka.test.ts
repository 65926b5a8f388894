// Integration test for the local Kafka broker: uses $KAFKA_BROKERS when set, else starts a
// broker in a temp dir (first run resolves jars from Maven Central, hence the long timeout).
// Round-trips one message (key, value, header) through a real topic with kafkajs.
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, Partitioners, logLevel, type KafkaMessage } from "kafkajs";
import { startLocalKafka, type LocalKafka } from "../../src/engine/kafka/local-kafka";

let local: LocalKafka | undefined;
let dataDir: string | undefined;
let brokers: string[] = [];

beforeAll(async () => {
  const fromEnv = process.env.KAFKA_BROKERS;
  if (fromEnv) {
    brokers = fromEnv.split(",").map((b) => b.trim()).filter(Boolean);
    return;
  }
  dataDir = mkdtempSync(join(tmpdir(), "kafka-test-"));
  local = await startLocalKafka({ dataDir, log: (line) => console.error(line) });
  brokers = local.brokers;
}, 180_000);

afterAll(async () => {
  await local?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

function firstMessage(consumer: ReturnType<Kafka["consumer"]>, topic: string, ms: number): Promise<KafkaMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message on ${topic} within ${ms}ms`)), ms);
    void consumer
      .run({
        eachMessage: async ({ message }) => {
          clearTimeout(timer);
          resolve(message);
        },
      })
      .catch(reject);
  });
}

test("a message round-trips key, value and header through a real broker", async () => {
  const kafka = new Kafka({ clientId: "kafka-it", brokers, logLevel: logLevel.ERROR });
  const topic = `it-roundtrip-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();

  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic, messages: [{ key: "order-42", value: '{"total":12.5,"note":"ünïcode ✓"}', headers: { "x-trace-id": "trace-abc-123" } }] });
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: `it-group-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    const msg = await firstMessage(consumer, topic, 30_000);
    expect(msg.key?.toString("utf8")).toBe("order-42");
    expect(msg.value?.toString("utf8")).toBe('{"total":12.5,"note":"ünïcode ✓"}');
    expect(msg.headers?.["x-trace-id"]?.toString()).toBe("trace-abc-123");
  } finally {
    await consumer.disconnect();
  }
}, 60_000);
