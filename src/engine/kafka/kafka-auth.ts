/**
 * SASL/PLAIN credentials for Kafka clients. The local broker of each checkout
 * requires its own (kept in its data folder), so a client that reconnects to a
 * port now held by another checkout's broker fails to authenticate on every
 * connection instead of consuming that checkout's messages.
 */
import type { KafkaConfig } from "kafkajs";
import { ConfigError } from "../config/parse-env";

export interface KafkaSasl { username: string; password: string }

/** The kafkajs `sasl` setting for these credentials; nothing when there are none. */
export function saslOption(sasl: KafkaSasl | undefined): Pick<KafkaConfig, "sasl"> {
  return sasl ? { sasl: { mechanism: "plain", username: sasl.username, password: sasl.password } } : {};
}

/** From KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD, which come as a pair. */
export function kafkaSaslFromConfig(config: { KAFKA_SASL_USERNAME?: string; KAFKA_SASL_PASSWORD?: string }): KafkaSasl | undefined {
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (!username && !password) return undefined;
  if (!username || !password) {
    throw new ConfigError(`invalid configuration: ${username ? "KAFKA_SASL_PASSWORD" : "KAFKA_SASL_USERNAME"}: `
      + "required with the other KAFKA_SASL_ variable");
  }
  return { username, password };
}
