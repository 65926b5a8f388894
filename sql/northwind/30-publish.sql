-- generated from src/northwind/publish.ts by `bun run sql:generate`; do not edit

-- publish rule order_shipping: order.ready becomes true -> topic order_shipping
create or replace function "publish_order_shipping"() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $fn$
declare
  doc jsonb;
begin
  -- One message per aggregate and transaction, even if the flag is set twice.
  if exists (select 1 from outbox where aggregate_type = 'Order' and type = 'OrderShipping'
             and aggregate_id = NEW."id"::text and tx_id = pg_current_xact_id()) then
    return null;
  end if;
  -- Read the row as it is at commit: later statements may have changed or deleted it.
  select jsonb_build_object('Order', jsonb_build_object('Id', "m_root"."id", 'Total', "m_root"."amount_total", 'Order Date', "m_root"."order_date", 'CustomerId', "m_root"."customer_id", 'Items', coalesce((select jsonb_agg(jsonb_build_object('OrderId', "m0"."order_id", 'ProductName', (select "m1"."product_name" from "product" "m1" where "m1"."id" = "m0"."product_id"), 'UnitsInStock', (select "m1"."units_in_stock" from "product" "m1" where "m1"."id" = "m0"."product_id"), 'Quantity', "m0"."quantity", 'Amount', "m0"."amount", 'UnitPrice', "m0"."unit_price") order by "m0"."id") from "order_detail" "m0" where "m0"."order_id" = "m_root"."id"), '[]'::jsonb))) into doc from "order" m_root where m_root."id" = NEW."id" and m_root."ready";
  if doc is null then
    return null;
  end if;
  insert into outbox (aggregate_type, aggregate_id, type, topic, payload, headers)
  values ('Order', NEW."id"::text, 'OrderShipping', 'order_shipping', doc,
          jsonb_build_object('type', 'OrderShipping', 'aggregate_type', 'Order'));
  perform pg_notify('outbox', 'order_shipping');
  raise debug 'publish % % % -> %', 'order_shipping', 'order', NEW."id", 'order_shipping';
  return null;
end
$fn$;

drop trigger if exists "publish_order_shipping_on_insert" on "order";
create constraint trigger "publish_order_shipping_on_insert"
  after insert on "order" deferrable initially deferred
  for each row when (NEW."ready") execute function "publish_order_shipping"();

drop trigger if exists "publish_order_shipping_on_update" on "order";
create constraint trigger "publish_order_shipping_on_update"
  after update of "ready" on "order" deferrable initially deferred
  for each row when (NEW."ready" and not OLD."ready") execute function "publish_order_shipping"();
