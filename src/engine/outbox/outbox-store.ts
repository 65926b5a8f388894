/**
 * SQL for the relay: claim deliverable messages in commit order, mark them
 * delivered or failed, and report the backlog for /health.
 */
import type { Sql } from "../db/database";
import type { OutboxHealth } from "../http/health";

export interface OutboxMessage {
  id: string;
  seq: number;
  aggregateId: string;
  topic: string;
  type: string;
  payload: unknown;
  headers: Record<string, unknown>;
}

/**
 * Pending messages from transactions older than every transaction still in
 * flight: a transaction that started earlier but commits later can never have
 * its message overtaken (plain `seq > last` polling would skip or reorder it).
 */
export async function claimBatch(sql: Sql, limit: number): Promise<OutboxMessage[]> {
  const rows = await sql<{ id: string; seq: string; aggregate_id: string; topic: string; type: string;
    payload: unknown; headers: Record<string, unknown> }[]>`
    select id, seq, aggregate_id, topic, type, payload, headers from outbox
    where delivered_at is null and tx_id < pg_snapshot_xmin(pg_current_snapshot())
    order by seq limit ${limit}`;
  return rows.map((r) => ({ id: r.id, seq: Number(r.seq), aggregateId: r.aggregate_id, topic: r.topic,
    type: r.type, payload: r.payload, headers: r.headers ?? {} }));
}

export async function markDelivered(sql: Sql, ids: string[]): Promise<void> {
  await sql`update outbox set delivered_at = now(), attempts = attempts + 1, last_error = null
            where id = any(${ids}::uuid[])`;
}

export async function markFailed(sql: Sql, ids: string[], error: string): Promise<void> {
  await sql`update outbox set attempts = attempts + 1, last_error = ${error.slice(0, 2000)}
            where id = any(${ids}::uuid[])`;
}

export function createOutboxHealth(sql: Sql): OutboxHealth {
  return {
    async pending() {
      const [row] = await sql<{ count: number; oldest: number | null }[]>`
        select count(*)::int as count, extract(epoch from now() - min(created_at))::float8 as oldest
        from outbox where delivered_at is null`;
      return { count: row?.count ?? 0, oldestAgeSeconds: row?.oldest === null || row?.oldest === undefined ? null : Math.round(row.oldest) };
    },
  };
}
