/** Kafka helpers for tests: collect messages from a topic with a fresh consumer group. */
import { Kafka, logLevel, type IHeaders } from "kafkajs";

export interface Received { key: string | null; value: string; headers: Record<string, string>; partition: number; offset: string }

export function kafkaClient(brokers: string[]): Kafka {
  return new Kafka({ clientId: `test-${crypto.randomUUID().slice(0, 8)}`, brokers, logLevel: logLevel.NOTHING });
}

function headerStrings(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
}

/** Consumes `topic` from the beginning until `until(received)` holds or the time runs out. */
export async function collect(brokers: string[], topic: string, until: (r: Received[]) => boolean,
  timeoutMs = 20_000): Promise<Received[]> {
  const consumer = kafkaClient(brokers).consumer({ groupId: `test-${crypto.randomUUID()}` });
  const received: Received[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      received.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? "",
        headers: headerStrings(message.headers), partition, offset: message.offset });
    },
  });
  const deadline = Date.now() + timeoutMs;
  while (!until(received) && Date.now() < deadline) await Bun.sleep(100);
  await consumer.disconnect();
  return received;
}
