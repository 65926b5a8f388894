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
 * The delivery horizon: the oldest transaction id among this database's outbox
 * writers still in flight (sessions holding a write lock on `outbox`), or the
 * next transaction id when there are none. A writer whose transaction has been
 * open longer than `maxHoldMs` no longer holds the others back: its rows go
 * out when it commits, and rows of one aggregate still keep their order, since
 * each event's transaction holds its aggregate's row lock until commit.
 * pg_current_snapshot()'s xmin would be cluster-wide: an idle transaction in
 * any other database would stall the relay.
 */
async function deliveryHorizon(sql: Sql, maxHoldMs: number): Promise<string> {
  // backend_xid is a 32-bit xid; it is widened to xid8 against the snapshot's xmax,
  // which is at most 2^31 transactions ahead of any running one.
  const [row] = await sql<{ horizon: string }[]>`
    with next as (select pg_snapshot_xmax(pg_current_snapshot())::text::bigint as xmax)
    select coalesce(min(next.xmax - ((next.xmax % 4294967296) - a.backend_xid::text::bigint + 4294967296) % 4294967296),
                    min(next.xmax))::text as horizon
    from next
    left join pg_locks l
      on l.locktype = 'relation' and l.relation = 'outbox'::regclass and l.mode = 'RowExclusiveLock' and l.granted
     and l.database = (select oid from pg_database where datname = current_database()) and l.pid <> pg_backend_pid()
    left join pg_stat_activity a
      on a.pid = l.pid and a.backend_xid is not null
     and a.xact_start > clock_timestamp() - make_interval(secs => ${maxHoldMs / 1000})`;
  return row!.horizon;
}

/**
 * Pending messages from transactions older than every outbox writer still in
 * flight here, in sequence order: a writer that started earlier but commits
 * later is not overtaken. The horizon is read first and the rows in a second
 * statement, whose newer snapshot sees every transaction below the horizon.
 */
export async function claimBatch(sql: Sql, limit: number, maxHoldMs = 1000): Promise<OutboxMessage[]> {
  const horizon = await deliveryHorizon(sql, maxHoldMs);
  const rows = await sql<{ id: string; seq: string; aggregate_id: string; topic: string; type: string;
    payload: unknown; headers: Record<string, unknown> }[]>`
    select id, seq, aggregate_id, topic, type, payload, headers from outbox
    where delivered_at is null and tx_id < ${horizon}::xid8
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

/** The relay's leader lock (session-level advisory lock, scoped to the database): "outbox". */
export const RELAY_LOCK_KEY = 0x6f7574626f78;

/** pg_locks shows a bigint advisory key as two halves, objsubid 1. */
export function relayLockHeld(sql: Sql, by: "me" | "anyone"): Promise<boolean> {
  return sql<{ held: boolean }[]>`select exists (select 1 from pg_locks where locktype = 'advisory'
      and database = (select oid from pg_database where datname = current_database())
      and classid = ${Math.floor(RELAY_LOCK_KEY / 2 ** 32)} and objid = ${RELAY_LOCK_KEY % 2 ** 32} and objsubid = 1
      and granted and (${by} = 'anyone' or pid = pg_backend_pid())) as held`.then(([row]) => row?.held === true);
}

export function createOutboxHealth(sql: Sql): OutboxHealth {
  return {
    async pending() {
      const [row] = await sql<{ count: number; oldest: number | null }[]>`
        select count(*)::int as count, extract(epoch from now() - min(created_at))::float8 as oldest
        from outbox where delivered_at is null`;
      return { count: row?.count ?? 0, oldestAgeSeconds: row?.oldest === null || row?.oldest === undefined ? null : Math.round(row.oldest),
        relayActive: await relayLockHeld(sql, "anyone") };
    },
  };
}
