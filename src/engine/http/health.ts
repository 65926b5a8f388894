/**
 * GET /health: is the database up, is Kafka configured and reachable, how many
 * outbox messages wait and whether a relay holds the outbox lock, whether the
 * Kafka consumer runs. 200 when the database answers, 503 when it does not;
 * "degraded" when a component is not working (outbox stalled, consumer stuck).
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Sql } from "../db/database";
import type { AppEnv } from "./app-env";

export interface KafkaHealth {
  configured: boolean;
  brokers: string[];
  /** Resolves true when the cluster answers a metadata request. */
  check(): Promise<boolean>;
}

export interface OutboxHealth {
  /** relayActive: some session of this database holds the relay's leader lock. */
  pending(): Promise<{ count: number; oldestAgeSeconds: number | null; relayActive: boolean }>;
}

export interface ConsumerHealth {
  /** ok: in its group and applying; false while it cannot join or keeps failing on the database. */
  status(): { ok: boolean; state: string; detail?: string };
}

export interface HealthDeps {
  sql: Sql;
  kafka: KafkaHealth;
  outbox?: OutboxHealth;
  consumer?: ConsumerHealth;
}

/** Pending rows older than this mean the relay is absent or stuck. */
const OUTBOX_STALL_SECONDS = 30;

const HealthSchema = z.object({
  status: z.enum(["ok", "degraded", "down"]),
  database: z.object({ up: z.boolean() }),
  kafka: z.object({ configured: z.boolean(), up: z.boolean(), brokers: z.array(z.string()), detail: z.string().optional() }),
  outbox: z.object({ pending: z.number().int(), oldestPendingAgeSeconds: z.number().nullable(),
    relayActive: z.boolean(), stalled: z.boolean() }).optional(),
  consumer: z.object({ ok: z.boolean(), state: z.string(), detail: z.string().optional() }).optional(),
}).openapi("Health");

const route = createRoute({
  method: "get",
  path: "/health",
  tags: ["System"],
  summary: "Liveness of the service and its dependencies",
  security: [],
  responses: {
    200: { description: "Database up", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "Database down", content: { "application/json": { schema: HealthSchema } } },
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>, deps: HealthDeps): void {
  app.openapi(route, async (c) => {
    const [dbUp, kafkaUp, outbox] = await Promise.all([
      deps.sql`select 1`.then(() => true, () => false),
      deps.kafka.configured ? deps.kafka.check().catch(() => false) : Promise.resolve(false),
      deps.outbox?.pending().catch(() => undefined),
    ]);
    const kafkaOk = !deps.kafka.configured || kafkaUp;
    const stalled = outbox !== undefined && outbox.count > 0 && (outbox.oldestAgeSeconds ?? 0) > OUTBOX_STALL_SECONDS;
    const consumer = deps.consumer?.status();
    const allOk = kafkaOk && !stalled && (consumer?.ok ?? true);
    const body = {
      status: !dbUp ? "down" as const : allOk ? "ok" as const : "degraded" as const,
      database: { up: dbUp },
      kafka: {
        configured: deps.kafka.configured,
        up: kafkaUp,
        brokers: deps.kafka.brokers,
        ...(deps.kafka.configured ? {} : { detail: "Kafka is not configured (set KAFKA_BROKERS); outbox messages wait" }),
      },
      ...(outbox ? { outbox: { pending: outbox.count, oldestPendingAgeSeconds: outbox.oldestAgeSeconds,
        relayActive: outbox.relayActive, stalled } } : {}),
      ...(consumer ? { consumer } : {}),
    };
    return dbUp ? c.json(body, 200) : c.json(body, 503);
  });
}
