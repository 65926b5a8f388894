/**
 * Northwind service configuration, parsed once from the environment at the edge.
 * A bad value stops start-up with one line naming the variable.
 */
import { z } from "zod";
import { parseEnv } from "./engine/config/parse-env";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5656),
  /** Interface the HTTP server listens on: loopback unless deliberately opened (0.0.0.0, ::). */
  HOST: z.string().regex(/^[A-Za-z0-9.:-]+$/, "must be an IP address or host name").default("127.0.0.1"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional(),
  KAFKA_BROKERS: z.string().regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, "must be host:port[,host:port…]").optional(),
  /** Prepended to every Kafka topic (relay and consumer alike), e.g. "staging." to share one cluster. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, "must be letters, digits, '.', '_' or '-'").default(""),
  /** The relay process answers GET /health on this port (0: a free one; unset: no HTTP). */
  RELAY_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** SASL/PLAIN login to the brokers (a pair); `bun run dev`'s local broker sets its own. */
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Production refuses to start while the sample's demo logins (password "p") exist, unless this is true. */
  ALLOW_DEMO_USERS: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  JWT_ALGORITHM: z.enum(["HS256", "RS256", "ES256"]).default("HS256"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_PRIVATE_KEY: z.string().includes("PRIVATE KEY", { message: "must be a PEM private key" }).optional(),
  JWT_PUBLIC_KEY: z.string().includes("PUBLIC KEY", { message: "must be a PEM public key" }).optional(),
  JWT_JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().default("northwind"),
  JWT_AUDIENCE: z.string().default("northwind-api"),
  JWT_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** Reverse proxies in front that append the client to X-Forwarded-For; 0 uses the TCP peer (never the header). */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Seconds a user's token version is cached: how long a deleted, disabled or changed user's token may still work. */
  TOKEN_VERSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parseEnv(configSchema, env);
}
