-- generated from src/northwind/rules.ts by bun run rules:generate; do not edit
-- 16 rules:
--   constraint customer_credit: customer: (customer.balance <= customer.credit_limit)
--   sum customer_balance: customer.balance = sum(order.amount_total) where (order.shipped_date IS NULL)
--   count customer_order_count: customer.order_count = count(order)
--   count customer_unpaid_order_count: customer.unpaid_order_count = count(order) where (order.shipped_date IS NULL)
--   sum order_amount_total: order.amount_total = sum(order_detail.amount)
--   count order_order_detail_count: order.order_detail_count = count(order_detail)
--   constraint order_not_empty: order: (NOT ((order.ready OR (order.shipped_date IS NOT NULL)) AND (order.order_detail_count = 0)))
--   parentCheck order_customer_id_parent: order.(customer_id) references customer
--   constraint order_detail_quantity_positive: order_detail: (order_detail.quantity > 0)
--   constraint order_detail_discount_range: order_detail: ((order_detail.discount >= 0) AND (order_detail.discount < 1))
--   parentCheck order_detail_product_id_parent: order_detail.(product_id) references product
--   copy order_detail_unit_price: order_detail.unit_price = copy(product.unit_price)
--   formula order_detail_amount: order_detail.amount = round((((order_detail.unit_price * order_detail.quantity) * (1 - coalesce(order_detail.discount, 0))) * CASE WHEN (product.carbon_neutral AND (order_detail.quantity >= 10)) THEN 0.9 ELSE 1 END), 2)
--   formula order_detail_shipped_date: order_detail.shipped_date = order.shipped_date
--   sum product_units_shipped: product.units_shipped = sum(order_detail.quantity) where (order_detail.shipped_date IS NOT NULL)
--   adjust product_units_in_stock: product.units_in_stock += (-change(product.units_shipped)) (stateful)

-- Drop the rule triggers and functions of the previous version first, so a removed rule stops firing.
DO $fn$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT tg.tgname, c.relname FROM pg_trigger tg
      JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = 'public' AND NOT tg.tgisinternal AND tg.tgname LIKE 'rules\_%' LOOP
    EXECUTE format('DROP TRIGGER %I ON %I.%I', t.tgname, 'public', t.relname);
  END LOOP;
  FOR t IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace
      WHERE s.nspname = 'public' AND p.proname LIKE 'rules\_%' AND p.prorettype = 'trigger'::regtype LOOP
    EXECUTE format('DROP FUNCTION %s', t.fn);
  END LOOP;
END;
$fn$;

-- table customer

CREATE OR REPLACE FUNCTION "public"."rules_customer_check"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r "public"."customer"%ROWTYPE;
BEGIN
  SELECT * INTO r FROM "public"."customer" t WHERE t."id" = NEW."id";
  IF NOT FOUND THEN RETURN NULL; END IF;
  -- constraint customer_credit
  IF ((r."balance" <= r."credit_limit")) IS FALSE THEN
    RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'balance (' || coalesce(round(r."balance"::numeric, 2)::text, 'null') || ') exceeds credit (' || coalesce(round(r."credit_limit"::numeric, 2)::text, 'null') || ')', CONSTRAINT = 'customer_credit';
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_customer_check_ins" ON "public"."customer";
CREATE CONSTRAINT TRIGGER "rules_customer_check_ins" AFTER INSERT ON "public"."customer"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (((NEW."balance" <= NEW."credit_limit")) IS FALSE) EXECUTE FUNCTION "public"."rules_customer_check"();

DROP TRIGGER IF EXISTS "rules_customer_check_upd" ON "public"."customer";
CREATE CONSTRAINT TRIGGER "rules_customer_check_upd" AFTER UPDATE ON "public"."customer"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((OLD."balance" IS DISTINCT FROM NEW."balance" OR OLD."credit_limit" IS DISTINCT FROM NEW."credit_limit") AND (((NEW."balance" <= NEW."credit_limit")) IS FALSE)) EXECUTE FUNCTION "public"."rules_customer_check"();

-- table order

CREATE OR REPLACE FUNCTION "public"."rules_order_before"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
BEGIN
  -- parentCheck order_customer_id_parent
  IF (TG_OP = 'INSERT' OR OLD."customer_id" IS DISTINCT FROM NEW."customer_id") AND NEW."customer_id" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "public"."customer" p WHERE p."id" = NEW."customer_id") THEN
    RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = 'order.customer_id (' || coalesce(NEW."customer_id"::text, 'null') || ') references no existing customer', CONSTRAINT = 'order_customer_id_parent';
  END IF;
  RETURN NEW;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_before_ins" ON "public"."order";
CREATE TRIGGER "rules_order_before_ins" BEFORE INSERT ON "public"."order"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_order_before"();

DROP TRIGGER IF EXISTS "rules_order_before_upd" ON "public"."order";
CREATE TRIGGER "rules_order_before_upd" BEFORE UPDATE ON "public"."order"
  FOR EACH ROW WHEN (OLD."customer_id" IS DISTINCT FROM NEW."customer_id") EXECUTE FUNCTION "public"."rules_order_before"();

CREATE OR REPLACE FUNCTION "public"."rules_order_rollup_ins"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- customer_balance, customer_order_count, customer_unpaid_order_count: customer through order_customer_id_customer_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1, sum(x.v2) AS d2, sum(x.v3) AS d3
        FROM (SELECT n."customer_id" AS k1, CASE WHEN (n."shipped_date" IS NULL) THEN coalesce(n."amount_total", 0)::numeric ELSE 0 END AS v1, 1 AS v2, CASE WHEN (n."shipped_date" IS NULL) THEN 1 ELSE 0 END AS v3 FROM "new_rows" n) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."customer" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0 OR d.d2 <> 0 OR d.d3 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."customer" p SET "balance" = p."balance" + l.d1, "order_count" = p."order_count" + l.d2, "unpaid_order_count" = p."unpaid_order_count" + l.d3
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."balance" AS v1, l.d1, p."order_count" AS v2, l.d2, p."unpaid_order_count" AS v3, l.d3
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_balance', 'customer', r.k1, 'balance', r.v1 - r.d1, r.v1; END IF;
    IF logging AND r.d2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_order_count', 'customer', r.k1, 'order_count', r.v2 - r.d2, r.v2; END IF;
    IF logging AND r.d3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_unpaid_order_count', 'customer', r.k1, 'unpaid_order_count', r.v3 - r.d3, r.v3; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_rollup_ins" ON "public"."order";
CREATE TRIGGER "rules_order_rollup_ins" AFTER INSERT ON "public"."order"
  REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_order_rollup_ins"();

CREATE OR REPLACE FUNCTION "public"."rules_order_rollup_del"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- customer_balance, customer_order_count, customer_unpaid_order_count: customer through order_customer_id_customer_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1, sum(x.v2) AS d2, sum(x.v3) AS d3
        FROM (SELECT o."customer_id" AS k1, -(CASE WHEN (o."shipped_date" IS NULL) THEN coalesce(o."amount_total", 0)::numeric ELSE 0 END) AS v1, -1 AS v2, -(CASE WHEN (o."shipped_date" IS NULL) THEN 1 ELSE 0 END) AS v3 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."customer" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0 OR d.d2 <> 0 OR d.d3 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."customer" p SET "balance" = p."balance" + l.d1, "order_count" = p."order_count" + l.d2, "unpaid_order_count" = p."unpaid_order_count" + l.d3
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."balance" AS v1, l.d1, p."order_count" AS v2, l.d2, p."unpaid_order_count" AS v3, l.d3
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_balance', 'customer', r.k1, 'balance', r.v1 - r.d1, r.v1; END IF;
    IF logging AND r.d2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_order_count', 'customer', r.k1, 'order_count', r.v2 - r.d2, r.v2; END IF;
    IF logging AND r.d3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_unpaid_order_count', 'customer', r.k1, 'unpaid_order_count', r.v3 - r.d3, r.v3; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_rollup_del" ON "public"."order";
CREATE TRIGGER "rules_order_rollup_del" AFTER DELETE ON "public"."order"
  REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_order_rollup_del"();

CREATE OR REPLACE FUNCTION "public"."rules_order_rollup_upd"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- customer_balance, customer_order_count, customer_unpaid_order_count: customer through order_customer_id_customer_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1, sum(x.v2) AS d2, sum(x.v3) AS d3
        FROM (SELECT n."customer_id" AS k1, CASE WHEN (n."shipped_date" IS NULL) THEN coalesce(n."amount_total", 0)::numeric ELSE 0 END AS v1, 1 AS v2, CASE WHEN (n."shipped_date" IS NULL) THEN 1 ELSE 0 END AS v3 FROM "new_rows" n
        UNION ALL SELECT o."customer_id" AS k1, -(CASE WHEN (o."shipped_date" IS NULL) THEN coalesce(o."amount_total", 0)::numeric ELSE 0 END) AS v1, -1 AS v2, -(CASE WHEN (o."shipped_date" IS NULL) THEN 1 ELSE 0 END) AS v3 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."customer" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0 OR d.d2 <> 0 OR d.d3 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."customer" p SET "balance" = p."balance" + l.d1, "order_count" = p."order_count" + l.d2, "unpaid_order_count" = p."unpaid_order_count" + l.d3
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."balance" AS v1, l.d1, p."order_count" AS v2, l.d2, p."unpaid_order_count" AS v3, l.d3
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_balance', 'customer', r.k1, 'balance', r.v1 - r.d1, r.v1; END IF;
    IF logging AND r.d2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_order_count', 'customer', r.k1, 'order_count', r.v2 - r.d2, r.v2; END IF;
    IF logging AND r.d3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_unpaid_order_count', 'customer', r.k1, 'unpaid_order_count', r.v3 - r.d3, r.v3; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_rollup_upd" ON "public"."order";
CREATE TRIGGER "rules_order_rollup_upd" AFTER UPDATE ON "public"."order"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_order_rollup_upd"();

CREATE OR REPLACE FUNCTION "public"."rules_order_cascade"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  n bigint;
BEGIN
  -- order_detail_shipped_date: order_detail rows through order_detail_order_id_order_id_fk
  IF OLD."shipped_date" IS DISTINCT FROM NEW."shipped_date" THEN
    UPDATE "public"."order_detail" c SET "shipped_date" = NEW."shipped_date"
      WHERE NEW."id" = c."order_id"
        AND (c."shipped_date" IS DISTINCT FROM NEW."shipped_date");
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN RAISE DEBUG 'rule %: %[%] cascaded to % % rows', 'order_detail_shipped_date', 'order', NEW."id", n, 'order_detail'; END IF;
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_cascade_upd" ON "public"."order";
CREATE TRIGGER "rules_order_cascade_upd" AFTER UPDATE ON "public"."order"
  FOR EACH ROW WHEN (OLD."shipped_date" IS DISTINCT FROM NEW."shipped_date") EXECUTE FUNCTION "public"."rules_order_cascade"();

CREATE OR REPLACE FUNCTION "public"."rules_order_check"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r "public"."order"%ROWTYPE;
BEGIN
  SELECT * INTO r FROM "public"."order" t WHERE t."id" = NEW."id";
  IF NOT FOUND THEN RETURN NULL; END IF;
  -- constraint order_not_empty
  IF ((NOT ((r."ready" OR (r."shipped_date" IS NOT NULL)) AND (r."order_detail_count" = 0)))) IS FALSE THEN
    RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'Empty Order - Cannot Ship or Make Ready', CONSTRAINT = 'order_not_empty';
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_check_ins" ON "public"."order";
CREATE CONSTRAINT TRIGGER "rules_order_check_ins" AFTER INSERT ON "public"."order"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (((NOT ((NEW."ready" OR (NEW."shipped_date" IS NOT NULL)) AND (NEW."order_detail_count" = 0)))) IS FALSE) EXECUTE FUNCTION "public"."rules_order_check"();

DROP TRIGGER IF EXISTS "rules_order_check_upd" ON "public"."order";
CREATE CONSTRAINT TRIGGER "rules_order_check_upd" AFTER UPDATE ON "public"."order"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((OLD."ready" IS DISTINCT FROM NEW."ready" OR OLD."shipped_date" IS DISTINCT FROM NEW."shipped_date" OR OLD."order_detail_count" IS DISTINCT FROM NEW."order_detail_count") AND (((NOT ((NEW."ready" OR (NEW."shipped_date" IS NOT NULL)) AND (NEW."order_detail_count" = 0)))) IS FALSE)) EXECUTE FUNCTION "public"."rules_order_check"();

-- table order_detail

CREATE OR REPLACE FUNCTION "public"."rules_order_detail_before"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  p1 "public"."product"%ROWTYPE;
  p2 "public"."order"%ROWTYPE;
BEGIN
  -- product through order_detail_product_id_product_id_fk, read once for parentCheck order_detail_product_id_parent, copy order_detail_unit_price, formula order_detail_amount
  IF (TG_OP = 'INSERT' OR OLD."product_id" IS DISTINCT FROM NEW."product_id" OR OLD."unit_price" IS DISTINCT FROM NEW."unit_price" OR OLD."quantity" IS DISTINCT FROM NEW."quantity" OR OLD."discount" IS DISTINCT FROM NEW."discount") AND NEW."product_id" IS NOT NULL THEN
    SELECT p."unit_price", p."carbon_neutral" INTO p1."unit_price", p1."carbon_neutral"
      FROM "public"."product" p WHERE p."id" = NEW."product_id";
    IF NOT FOUND AND (TG_OP = 'INSERT' OR OLD."product_id" IS DISTINCT FROM NEW."product_id") THEN
      RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = 'order_detail.product_id (' || coalesce(NEW."product_id"::text, 'null') || ') references no existing product', CONSTRAINT = 'order_detail_product_id_parent';
    END IF;
  END IF;
  -- order through order_detail_order_id_order_id_fk, read once for formula order_detail_shipped_date
  IF (TG_OP = 'INSERT' OR OLD."order_id" IS DISTINCT FROM NEW."order_id") AND NEW."order_id" IS NOT NULL THEN
    SELECT p."shipped_date" INTO p2."shipped_date"
      FROM "public"."order" p WHERE p."id" = NEW."order_id";
  END IF;
  -- copy order_detail_unit_price: on insert and when order_detail_product_id_product_id_fk changes, never later
  IF (TG_OP = 'INSERT' OR OLD."product_id" IS DISTINCT FROM NEW."product_id") AND NEW."product_id" IS NOT NULL THEN
    NEW."unit_price" := p1."unit_price";
    IF NEW."unit_price" IS DISTINCT FROM OLD."unit_price" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_detail_unit_price', 'order_detail', NEW."id", 'unit_price', OLD."unit_price", NEW."unit_price"; END IF;
  END IF;
  -- formula order_detail_amount
  IF (TG_OP = 'INSERT' OR OLD."unit_price" IS DISTINCT FROM NEW."unit_price" OR OLD."quantity" IS DISTINCT FROM NEW."quantity" OR OLD."discount" IS DISTINCT FROM NEW."discount" OR OLD."product_id" IS DISTINCT FROM NEW."product_id") THEN
    NEW."amount" := round((((NEW."unit_price" * NEW."quantity") * (1 - coalesce(NEW."discount", 0))) * CASE WHEN (p1."carbon_neutral" AND (NEW."quantity" >= 10)) THEN 0.9 ELSE 1 END), 2);
    IF NEW."amount" IS DISTINCT FROM OLD."amount" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_detail_amount', 'order_detail', NEW."id", 'amount', OLD."amount", NEW."amount"; END IF;
  END IF;
  -- formula order_detail_shipped_date
  IF (TG_OP = 'INSERT' OR OLD."order_id" IS DISTINCT FROM NEW."order_id") THEN
    NEW."shipped_date" := p2."shipped_date";
    IF NEW."shipped_date" IS DISTINCT FROM OLD."shipped_date" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_detail_shipped_date', 'order_detail', NEW."id", 'shipped_date', OLD."shipped_date", NEW."shipped_date"; END IF;
  END IF;
  RETURN NEW;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_detail_before_ins" ON "public"."order_detail";
CREATE TRIGGER "rules_order_detail_before_ins" BEFORE INSERT ON "public"."order_detail"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_order_detail_before"();

DROP TRIGGER IF EXISTS "rules_order_detail_before_upd" ON "public"."order_detail";
CREATE TRIGGER "rules_order_detail_before_upd" BEFORE UPDATE ON "public"."order_detail"
  FOR EACH ROW WHEN (OLD."product_id" IS DISTINCT FROM NEW."product_id" OR OLD."unit_price" IS DISTINCT FROM NEW."unit_price" OR OLD."quantity" IS DISTINCT FROM NEW."quantity" OR OLD."discount" IS DISTINCT FROM NEW."discount" OR OLD."order_id" IS DISTINCT FROM NEW."order_id") EXECUTE FUNCTION "public"."rules_order_detail_before"();

CREATE OR REPLACE FUNCTION "public"."rules_order_detail_rollup_ins"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- order_amount_total, order_order_detail_count: order through order_detail_order_id_order_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1, sum(x.v2) AS d2
        FROM (SELECT n."order_id" AS k1, coalesce(n."amount", 0)::numeric AS v1, 1 AS v2 FROM "new_rows" n) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."order" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0 OR d.d2 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."order" p SET "amount_total" = p."amount_total" + l.d1, "order_detail_count" = p."order_detail_count" + l.d2
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."amount_total" AS v1, l.d1, p."order_detail_count" AS v2, l.d2
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_amount_total', 'order', r.k1, 'amount_total', r.v1 - r.d1, r.v1; END IF;
    IF logging AND r.d2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_order_detail_count', 'order', r.k1, 'order_detail_count', r.v2 - r.d2, r.v2; END IF;
  END LOOP;
  -- product_units_shipped: product through order_detail_product_id_product_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT n."product_id" AS k1, CASE WHEN (n."shipped_date" IS NOT NULL) THEN coalesce(n."quantity", 0)::numeric ELSE 0 END AS v1 FROM "new_rows" n) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."product" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."product" p SET "units_shipped" = p."units_shipped" + l.d1
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."units_shipped" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'product_units_shipped', 'product', r.k1, 'units_shipped', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_detail_rollup_ins" ON "public"."order_detail";
CREATE TRIGGER "rules_order_detail_rollup_ins" AFTER INSERT ON "public"."order_detail"
  REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_order_detail_rollup_ins"();

CREATE OR REPLACE FUNCTION "public"."rules_order_detail_rollup_del"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- order_amount_total, order_order_detail_count: order through order_detail_order_id_order_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1, sum(x.v2) AS d2
        FROM (SELECT o."order_id" AS k1, -(coalesce(o."amount", 0)::numeric) AS v1, -1 AS v2 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."order" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0 OR d.d2 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."order" p SET "amount_total" = p."amount_total" + l.d1, "order_detail_count" = p."order_detail_count" + l.d2
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."amount_total" AS v1, l.d1, p."order_detail_count" AS v2, l.d2
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_amount_total', 'order', r.k1, 'amount_total', r.v1 - r.d1, r.v1; END IF;
    IF logging AND r.d2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_order_detail_count', 'order', r.k1, 'order_detail_count', r.v2 - r.d2, r.v2; END IF;
  END LOOP;
  -- product_units_shipped: product through order_detail_product_id_product_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT o."product_id" AS k1, -(CASE WHEN (o."shipped_date" IS NOT NULL) THEN coalesce(o."quantity", 0)::numeric ELSE 0 END) AS v1 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."product" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."product" p SET "units_shipped" = p."units_shipped" + l.d1
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."units_shipped" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'product_units_shipped', 'product', r.k1, 'units_shipped', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_detail_rollup_del" ON "public"."order_detail";
CREATE TRIGGER "rules_order_detail_rollup_del" AFTER DELETE ON "public"."order_detail"
  REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_order_detail_rollup_del"();

CREATE OR REPLACE FUNCTION "public"."rules_order_detail_rollup_upd"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- order_amount_total, order_order_detail_count: order through order_detail_order_id_order_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1, sum(x.v2) AS d2
        FROM (SELECT n."order_id" AS k1, coalesce(n."amount", 0)::numeric AS v1, 1 AS v2 FROM "new_rows" n
        UNION ALL SELECT o."order_id" AS k1, -(coalesce(o."amount", 0)::numeric) AS v1, -1 AS v2 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."order" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0 OR d.d2 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."order" p SET "amount_total" = p."amount_total" + l.d1, "order_detail_count" = p."order_detail_count" + l.d2
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."amount_total" AS v1, l.d1, p."order_detail_count" AS v2, l.d2
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_amount_total', 'order', r.k1, 'amount_total', r.v1 - r.d1, r.v1; END IF;
    IF logging AND r.d2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_order_detail_count', 'order', r.k1, 'order_detail_count', r.v2 - r.d2, r.v2; END IF;
  END LOOP;
  -- product_units_shipped: product through order_detail_product_id_product_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT n."product_id" AS k1, CASE WHEN (n."shipped_date" IS NOT NULL) THEN coalesce(n."quantity", 0)::numeric ELSE 0 END AS v1 FROM "new_rows" n
        UNION ALL SELECT o."product_id" AS k1, -(CASE WHEN (o."shipped_date" IS NOT NULL) THEN coalesce(o."quantity", 0)::numeric ELSE 0 END) AS v1 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."product" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."product" p SET "units_shipped" = p."units_shipped" + l.d1
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."units_shipped" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'product_units_shipped', 'product', r.k1, 'units_shipped', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_detail_rollup_upd" ON "public"."order_detail";
CREATE TRIGGER "rules_order_detail_rollup_upd" AFTER UPDATE ON "public"."order_detail"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_order_detail_rollup_upd"();

CREATE OR REPLACE FUNCTION "public"."rules_order_detail_check"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r "public"."order_detail"%ROWTYPE;
BEGIN
  SELECT * INTO r FROM "public"."order_detail" t WHERE t."id" = NEW."id";
  IF NOT FOUND THEN RETURN NULL; END IF;
  -- constraint order_detail_quantity_positive
  IF ((r."quantity" > 0)) IS FALSE THEN
    RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'quantity (' || coalesce(r."quantity"::text, 'null') || ') must be at least 1', CONSTRAINT = 'order_detail_quantity_positive';
  END IF;
  -- constraint order_detail_discount_range
  IF (((r."discount" >= 0) AND (r."discount" < 1))) IS FALSE THEN
    RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'discount must be at least 0 and less than 1 (a fraction: 0.15 is 15% off)', CONSTRAINT = 'order_detail_discount_range';
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_detail_check_ins" ON "public"."order_detail";
CREATE CONSTRAINT TRIGGER "rules_order_detail_check_ins" AFTER INSERT ON "public"."order_detail"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (((NEW."quantity" > 0)) IS FALSE OR (((NEW."discount" >= 0) AND (NEW."discount" < 1))) IS FALSE) EXECUTE FUNCTION "public"."rules_order_detail_check"();

DROP TRIGGER IF EXISTS "rules_order_detail_check_upd" ON "public"."order_detail";
CREATE CONSTRAINT TRIGGER "rules_order_detail_check_upd" AFTER UPDATE ON "public"."order_detail"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((OLD."quantity" IS DISTINCT FROM NEW."quantity" OR OLD."discount" IS DISTINCT FROM NEW."discount") AND (((NEW."quantity" > 0)) IS FALSE OR (((NEW."discount" >= 0) AND (NEW."discount" < 1))) IS FALSE)) EXECUTE FUNCTION "public"."rules_order_detail_check"();

-- table product

CREATE OR REPLACE FUNCTION "public"."rules_product_before"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
BEGIN
  -- adjustBy product_units_in_stock
  IF TG_OP = 'UPDATE' AND (OLD."units_shipped" IS DISTINCT FROM NEW."units_shipped") THEN
    NEW."units_in_stock" := coalesce(NEW."units_in_stock", 0) + (-(coalesce(NEW."units_shipped", 0) - coalesce(OLD."units_shipped", 0)));
    IF NEW."units_in_stock" IS DISTINCT FROM OLD."units_in_stock" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'product_units_in_stock', 'product', NEW."id", 'units_in_stock', OLD."units_in_stock", NEW."units_in_stock"; END IF;
  END IF;
  RETURN NEW;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_product_before_ins" ON "public"."product";
CREATE TRIGGER "rules_product_before_ins" BEFORE INSERT ON "public"."product"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_product_before"();

DROP TRIGGER IF EXISTS "rules_product_before_upd" ON "public"."product";
CREATE TRIGGER "rules_product_before_upd" BEFORE UPDATE ON "public"."product"
  FOR EACH ROW WHEN (OLD."units_shipped" IS DISTINCT FROM NEW."units_shipped") EXECUTE FUNCTION "public"."rules_product_before"();

CREATE OR REPLACE FUNCTION "public"."rules_product_cascade"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  n bigint;
BEGIN
  -- order_detail_amount: order_detail rows through order_detail_product_id_product_id_fk
  IF OLD."carbon_neutral" IS DISTINCT FROM NEW."carbon_neutral" THEN
    UPDATE "public"."order_detail" c SET "amount" = round((((c."unit_price" * c."quantity") * (1 - coalesce(c."discount", 0))) * CASE WHEN (NEW."carbon_neutral" AND (c."quantity" >= 10)) THEN 0.9 ELSE 1 END), 2)
      WHERE NEW."id" = c."product_id"
        AND (c."amount" IS DISTINCT FROM round((((c."unit_price" * c."quantity") * (1 - coalesce(c."discount", 0))) * CASE WHEN (NEW."carbon_neutral" AND (c."quantity" >= 10)) THEN 0.9 ELSE 1 END), 2));
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN RAISE DEBUG 'rule %: %[%] cascaded to % % rows', 'order_detail_amount', 'product', NEW."id", n, 'order_detail'; END IF;
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_product_cascade_upd" ON "public"."product";
CREATE TRIGGER "rules_product_cascade_upd" AFTER UPDATE ON "public"."product"
  FOR EACH ROW WHEN (OLD."carbon_neutral" IS DISTINCT FROM NEW."carbon_neutral") EXECUTE FUNCTION "public"."rules_product_cascade"();
