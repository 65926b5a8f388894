// `bun scripts/kafka.ts`: runs a local single-node Kafka broker with its data in .data/kafka,
// prints KAFKA_BROKERS=127.0.0.1:PORT and the SASL login it requires (KAFKA_SASL_USERNAME/
// KAFKA_SASL_PASSWORD, kept in .data/kafka), and stops it cleanly on SIGINT/SIGTERM.
// KAFKA_PORT pins the broker port (else a free one is picked each start).
import { join, resolve } from "node:path";
import { startLocalKafka, type LocalKafka } from "../src/engine/kafka/local-kafka";

const dataDir = join(resolve(import.meta.dir, ".."), ".data/kafka");
const port = process.env.KAFKA_PORT ? Number(process.env.KAFKA_PORT) : undefined;
let kafka: LocalKafka;
try {
  kafka = await startLocalKafka({ dataDir, port, log: (line) => console.error(line), authenticate: true });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
console.log(`KAFKA_BROKERS=${kafka.brokers.join(",")}`);
if (kafka.sasl) console.log(`KAFKA_SASL_USERNAME=${kafka.sasl.username}\nKAFKA_SASL_PASSWORD=${kafka.sasl.password}`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.error(`kafka: ${signal} received, stopping broker…`);
  await kafka.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
