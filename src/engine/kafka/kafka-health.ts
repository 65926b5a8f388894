/**
 * Kafka reachability for /health: a kafkajs admin client asked for metadata,
 * with a short timeout so a down broker never stalls the health check.
 */
import { Kafka, logLevel } from "kafkajs";
import type { KafkaHealth } from "../http/health";
import { saslOption, type KafkaSasl } from "./kafka-auth";

export function createKafkaHealth(brokers: string[] | undefined, sasl?: KafkaSasl): KafkaHealth {
  if (!brokers || brokers.length === 0) {
    return { configured: false, brokers: [], check: async () => false };
  }
  const kafka = new Kafka({ clientId: "health", brokers, logLevel: logLevel.NOTHING,
    connectionTimeout: 1500, requestTimeout: 2000, retry: { retries: 0 }, ...saslOption(sasl) });
  return {
    configured: true,
    brokers,
    async check() {
      const admin = kafka.admin();
      try {
        await admin.connect();
        await admin.listTopics();
        return true;
      } finally {
        await admin.disconnect().catch(() => {});
      }
    },
  };
}
