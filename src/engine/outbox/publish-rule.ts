/**
 * The `publish` rule kind: when a row is inserted with a flag set, or the flag
 * flips false→true, a commit-time (deferred) trigger writes one outbox message
 * whose payload is the mapping's document built in SQL, so items inserted later
 * in the same transaction are in it, whoever the writer was.
 */
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { documentExpression } from "../mapping/document-sql";
import { primaryKeyOf, tableName, type Mapping } from "../mapping/mapping";
import { quoteIdent, quoteLiteral } from "../sql/quote";
import { OUTBOX_CHANNEL } from "./outbox.schema";

export interface PublishRule {
  /** snake_case; names the function and triggers. */
  name: string;
  table: PgTable;
  /** Boolean column whose becoming true publishes the row (e.g. Order.Ready). */
  whenBecomesTrue: PgColumn;
  topic: string;
  /** Event type (Debezium `type`), e.g. "OrderShipping". */
  type: string;
  /** Debezium `aggregatetype`, e.g. "Order"; the aggregate id is the primary key. */
  aggregateType: string;
  mapping: Mapping;
  /** Wraps the document: { [envelope]: document }. */
  envelope?: string;
}

export function publishRule(rule: PublishRule): PublishRule {
  if (rule.mapping.table !== rule.table) throw new Error(`publish ${rule.name}: mapping is for another table`);
  if (!/^[a-z][a-z0-9_]*$/.test(rule.name)) throw new Error(`publish ${rule.name}: name must be snake_case`);
  return Object.freeze(rule);
}

export function compilePublishRule(rule: PublishRule): string {
  const table = quoteIdent(tableName(rule.table));
  const pk = quoteIdent(primaryKeyOf(rule.table).name);
  const flag = quoteIdent(rule.whenBecomesTrue.name);
  const fn = quoteIdent(`publish_${rule.name}`);
  const body = documentExpression(rule.mapping, "m_root");
  const doc = rule.envelope ? `jsonb_build_object(${quoteLiteral(rule.envelope)}, ${body})` : body;
  const lit = quoteLiteral;
  return `-- publish rule ${rule.name}: ${tableName(rule.table)}.${rule.whenBecomesTrue.name} becomes true -> topic ${rule.topic}
create or replace function ${fn}() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $fn$
declare
  doc jsonb;
begin
  -- One message per aggregate and transaction, even if the flag is set twice.
  if exists (select 1 from outbox where aggregate_type = ${lit(rule.aggregateType)} and type = ${lit(rule.type)}
             and aggregate_id = NEW.${pk}::text and tx_id = pg_current_xact_id()) then
    return null;
  end if;
  -- Read the row as it is at commit: later statements may have changed or deleted it.
  select ${doc} into doc from ${table} m_root where m_root.${pk} = NEW.${pk} and m_root.${flag};
  if doc is null then
    return null;
  end if;
  insert into outbox (aggregate_type, aggregate_id, type, topic, payload, headers)
  values (${lit(rule.aggregateType)}, NEW.${pk}::text, ${lit(rule.type)}, ${lit(rule.topic)}, doc,
          jsonb_build_object('type', ${lit(rule.type)}, 'aggregate_type', ${lit(rule.aggregateType)}));
  perform pg_notify(${lit(OUTBOX_CHANNEL)}, ${lit(rule.topic)});
  raise debug 'publish % % % -> %', ${lit(rule.name)}, ${lit(tableName(rule.table))}, NEW.${pk}, ${lit(rule.topic)};
  return null;
end
$fn$;

drop trigger if exists ${quoteIdent(`publish_${rule.name}_on_insert`)} on ${table};
create constraint trigger ${quoteIdent(`publish_${rule.name}_on_insert`)}
  after insert on ${table} deferrable initially deferred
  for each row when (NEW.${flag}) execute function ${fn}();

drop trigger if exists ${quoteIdent(`publish_${rule.name}_on_update`)} on ${table};
create constraint trigger ${quoteIdent(`publish_${rule.name}_on_update`)}
  after update of ${flag} on ${table} deferrable initially deferred
  for each row when (NEW.${flag} and not OLD.${flag}) execute function ${fn}();
`;
}
