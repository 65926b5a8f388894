/**
 * The relay process's GET /health: database reachable, leader or standby, and
 * progress. 200 only for an active relay that reaches the database and is not
 * stalled (rows pending for a while with nothing delivered meanwhile).
 */
import type { Sql } from "../db/database";
import type { Relay } from "./relay";
import { createOutboxHealth } from "./outbox-store";

/** Rows older than this with no delivery for as long mean the relay is stuck. */
export const STALL_SECONDS = 10;

export interface RelayHealthBody {
  status: "ok" | "standby" | "stalled" | "down";
  database: { up: boolean };
  leader: boolean;
  outbox?: { pending: number; oldestPendingAgeSeconds: number | null };
  lastProgressAgeSeconds: number | null;
  lastError?: string;
}

export async function relayHealth(relay: Relay, sql: Sql): Promise<{ status: 200 | 503; body: RelayHealthBody }> {
  const state = relay.status();
  const pending = await createOutboxHealth(sql).pending().catch(() => undefined);
  const databaseUp = state.databaseUp && pending !== undefined;
  const progressAge = state.lastProgressAt === undefined ? null : (Date.now() - state.lastProgressAt) / 1000;
  const stalled = pending !== undefined && pending.count > 0 && (pending.oldestAgeSeconds ?? 0) > STALL_SECONDS
    && (progressAge === null || progressAge > STALL_SECONDS);
  const status = !databaseUp || !state.running ? "down" : !state.leader ? "standby" : stalled ? "stalled" : "ok";
  return {
    status: status === "ok" ? 200 : 503,
    body: {
      status,
      database: { up: databaseUp },
      leader: state.leader,
      ...(pending ? { outbox: { pending: pending.count, oldestPendingAgeSeconds: pending.oldestAgeSeconds } } : {}),
      lastProgressAgeSeconds: progressAge === null ? null : Math.round(progressAge),
      ...(state.lastError ? { lastError: state.lastError } : {}),
    },
  };
}
