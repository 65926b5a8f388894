-- generated from shipping/rules.ts by bun run rules:generate; do not edit
-- 6 rules:
--   constraint customers_credit: customers: (customers.balance <= customers.credit_limit)
--   sum customers_balance: customers.balance = sum(orders.amount_total) where (orders.ship_date IS NULL)
--   sum orders_amount_total: orders.amount_total = sum(items.amount)
--   constraint items_quantity_positive: items: (items.quantity > 0)
--   copy items_unit_price: items.unit_price = copy(products.unit_price)
--   formula items_amount: items.amount = (items.unit_price * items.quantity)

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

-- table customers

CREATE OR REPLACE FUNCTION "public"."rules_customers_check"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r "public"."customers"%ROWTYPE;
BEGIN
  SELECT * INTO r FROM "public"."customers" t WHERE t."customer_id" = NEW."customer_id";
  IF NOT FOUND THEN RETURN NULL; END IF;
  -- constraint customers_credit
  IF ((r."balance" <= r."credit_limit")) IS FALSE THEN
    RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'balance (' || coalesce(round(r."balance"::numeric, 2)::text, 'null') || ') exceeds credit (' || coalesce(round(r."credit_limit"::numeric, 2)::text, 'null') || ')', CONSTRAINT = 'customers_credit';
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_customers_check_ins" ON "public"."customers";
CREATE CONSTRAINT TRIGGER "rules_customers_check_ins" AFTER INSERT ON "public"."customers"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (((NEW."balance" <= NEW."credit_limit")) IS FALSE) EXECUTE FUNCTION "public"."rules_customers_check"();

DROP TRIGGER IF EXISTS "rules_customers_check_upd" ON "public"."customers";
CREATE CONSTRAINT TRIGGER "rules_customers_check_upd" AFTER UPDATE ON "public"."customers"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((OLD."balance" IS DISTINCT FROM NEW."balance" OR OLD."credit_limit" IS DISTINCT FROM NEW."credit_limit") AND (((NEW."balance" <= NEW."credit_limit")) IS FALSE)) EXECUTE FUNCTION "public"."rules_customers_check"();

-- table items

CREATE OR REPLACE FUNCTION "public"."rules_items_before"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  p1 "public"."products"%ROWTYPE;
BEGIN
  -- products through items_product_id_products_product_id_fk, read once for copy items_unit_price
  IF (TG_OP = 'INSERT' OR OLD."product_id" IS DISTINCT FROM NEW."product_id") AND NEW."product_id" IS NOT NULL THEN
    SELECT p."unit_price" INTO p1."unit_price"
      FROM "public"."products" p WHERE p."product_id" = NEW."product_id";
  END IF;
  -- copy items_unit_price: on insert and when items_product_id_products_product_id_fk changes, never later
  IF (TG_OP = 'INSERT' OR OLD."product_id" IS DISTINCT FROM NEW."product_id") AND NEW."product_id" IS NOT NULL THEN
    NEW."unit_price" := p1."unit_price";
    IF NEW."unit_price" IS DISTINCT FROM OLD."unit_price" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'items_unit_price', 'items', NEW."item_id", 'unit_price', OLD."unit_price", NEW."unit_price"; END IF;
  END IF;
  -- formula items_amount
  IF (TG_OP = 'INSERT' OR OLD."unit_price" IS DISTINCT FROM NEW."unit_price" OR OLD."quantity" IS DISTINCT FROM NEW."quantity") THEN
    NEW."amount" := (NEW."unit_price" * NEW."quantity");
    IF NEW."amount" IS DISTINCT FROM OLD."amount" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'items_amount', 'items', NEW."item_id", 'amount', OLD."amount", NEW."amount"; END IF;
  END IF;
  RETURN NEW;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_items_before_ins" ON "public"."items";
CREATE TRIGGER "rules_items_before_ins" BEFORE INSERT ON "public"."items"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_items_before"();

DROP TRIGGER IF EXISTS "rules_items_before_upd" ON "public"."items";
CREATE TRIGGER "rules_items_before_upd" BEFORE UPDATE ON "public"."items"
  FOR EACH ROW WHEN (OLD."product_id" IS DISTINCT FROM NEW."product_id" OR OLD."unit_price" IS DISTINCT FROM NEW."unit_price" OR OLD."quantity" IS DISTINCT FROM NEW."quantity") EXECUTE FUNCTION "public"."rules_items_before"();

CREATE OR REPLACE FUNCTION "public"."rules_items_rollup_ins"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- orders_amount_total: orders through items_order_id_orders_order_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT n."order_id" AS k1, coalesce(n."amount", 0)::numeric AS v1 FROM "new_rows" n) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."orders" p JOIN d ON p."order_id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."order_id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."orders" p SET "amount_total" = p."amount_total" + l.d1
      FROM l WHERE p."order_id" = l.k1
      RETURNING l.k1, p."amount_total" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'orders_amount_total', 'orders', r.k1, 'amount_total', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_items_rollup_ins" ON "public"."items";
CREATE TRIGGER "rules_items_rollup_ins" AFTER INSERT ON "public"."items"
  REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_items_rollup_ins"();

CREATE OR REPLACE FUNCTION "public"."rules_items_rollup_del"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- orders_amount_total: orders through items_order_id_orders_order_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT o."order_id" AS k1, -(coalesce(o."amount", 0)::numeric) AS v1 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."orders" p JOIN d ON p."order_id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."order_id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."orders" p SET "amount_total" = p."amount_total" + l.d1
      FROM l WHERE p."order_id" = l.k1
      RETURNING l.k1, p."amount_total" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'orders_amount_total', 'orders', r.k1, 'amount_total', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_items_rollup_del" ON "public"."items";
CREATE TRIGGER "rules_items_rollup_del" AFTER DELETE ON "public"."items"
  REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_items_rollup_del"();

CREATE OR REPLACE FUNCTION "public"."rules_items_rollup_upd"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- orders_amount_total: orders through items_order_id_orders_order_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT n."order_id" AS k1, coalesce(n."amount", 0)::numeric AS v1 FROM "new_rows" n
        UNION ALL SELECT o."order_id" AS k1, -(coalesce(o."amount", 0)::numeric) AS v1 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."orders" p JOIN d ON p."order_id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."order_id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."orders" p SET "amount_total" = p."amount_total" + l.d1
      FROM l WHERE p."order_id" = l.k1
      RETURNING l.k1, p."amount_total" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'orders_amount_total', 'orders', r.k1, 'amount_total', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_items_rollup_upd" ON "public"."items";
CREATE TRIGGER "rules_items_rollup_upd" AFTER UPDATE ON "public"."items"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_items_rollup_upd"();

CREATE OR REPLACE FUNCTION "public"."rules_items_check"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r "public"."items"%ROWTYPE;
BEGIN
  SELECT * INTO r FROM "public"."items" t WHERE t."item_id" = NEW."item_id";
  IF NOT FOUND THEN RETURN NULL; END IF;
  -- constraint items_quantity_positive
  IF ((r."quantity" > 0)) IS FALSE THEN
    RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'quantity (' || coalesce(r."quantity"::text, 'null') || ') must be at least 1', CONSTRAINT = 'items_quantity_positive';
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_items_check_ins" ON "public"."items";
CREATE CONSTRAINT TRIGGER "rules_items_check_ins" AFTER INSERT ON "public"."items"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (((NEW."quantity" > 0)) IS FALSE) EXECUTE FUNCTION "public"."rules_items_check"();

DROP TRIGGER IF EXISTS "rules_items_check_upd" ON "public"."items";
CREATE CONSTRAINT TRIGGER "rules_items_check_upd" AFTER UPDATE ON "public"."items"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((OLD."quantity" IS DISTINCT FROM NEW."quantity") AND (((NEW."quantity" > 0)) IS FALSE)) EXECUTE FUNCTION "public"."rules_items_check"();

-- table orders

CREATE OR REPLACE FUNCTION "public"."rules_orders_rollup_ins"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- customers_balance: customers through orders_customer_id_customers_customer_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT n."customer_id" AS k1, CASE WHEN (n."ship_date" IS NULL) THEN coalesce(n."amount_total", 0)::numeric ELSE 0 END AS v1 FROM "new_rows" n) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."customers" p JOIN d ON p."customer_id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."customer_id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."customers" p SET "balance" = p."balance" + l.d1
      FROM l WHERE p."customer_id" = l.k1
      RETURNING l.k1, p."balance" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customers_balance', 'customers', r.k1, 'balance', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_orders_rollup_ins" ON "public"."orders";
CREATE TRIGGER "rules_orders_rollup_ins" AFTER INSERT ON "public"."orders"
  REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_orders_rollup_ins"();

CREATE OR REPLACE FUNCTION "public"."rules_orders_rollup_del"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- customers_balance: customers through orders_customer_id_customers_customer_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT o."customer_id" AS k1, -(CASE WHEN (o."ship_date" IS NULL) THEN coalesce(o."amount_total", 0)::numeric ELSE 0 END) AS v1 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."customers" p JOIN d ON p."customer_id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."customer_id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."customers" p SET "balance" = p."balance" + l.d1
      FROM l WHERE p."customer_id" = l.k1
      RETURNING l.k1, p."balance" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customers_balance', 'customers', r.k1, 'balance', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_orders_rollup_del" ON "public"."orders";
CREATE TRIGGER "rules_orders_rollup_del" AFTER DELETE ON "public"."orders"
  REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_orders_rollup_del"();

CREATE OR REPLACE FUNCTION "public"."rules_orders_rollup_upd"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- customers_balance: customers through orders_customer_id_customers_customer_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT n."customer_id" AS k1, CASE WHEN (n."ship_date" IS NULL) THEN coalesce(n."amount_total", 0)::numeric ELSE 0 END AS v1 FROM "new_rows" n
        UNION ALL SELECT o."customer_id" AS k1, -(CASE WHEN (o."ship_date" IS NULL) THEN coalesce(o."amount_total", 0)::numeric ELSE 0 END) AS v1 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."customers" p JOIN d ON p."customer_id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."customer_id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."customers" p SET "balance" = p."balance" + l.d1
      FROM l WHERE p."customer_id" = l.k1
      RETURNING l.k1, p."balance" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customers_balance', 'customers', r.k1, 'balance', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_orders_rollup_upd" ON "public"."orders";
CREATE TRIGGER "rules_orders_rollup_upd" AFTER UPDATE ON "public"."orders"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_orders_rollup_upd"();
