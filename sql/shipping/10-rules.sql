-- generated from shipping/rules.ts by bun run rules:generate; do not edit
-- 5 rules:
--   constraint customers_credit: customers: (customers.balance <= customers.credit_limit)
--   sum customers_balance: customers.balance = sum(orders.amount_total) where (orders.ship_date IS NULL)
--   sum orders_amount_total: orders.amount_total = sum(items.amount)
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
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_customers_check"();

DROP TRIGGER IF EXISTS "rules_customers_check_upd" ON "public"."customers";
CREATE CONSTRAINT TRIGGER "rules_customers_check_upd" AFTER UPDATE ON "public"."customers"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."balance" IS DISTINCT FROM NEW."balance" OR OLD."credit_limit" IS DISTINCT FROM NEW."credit_limit") EXECUTE FUNCTION "public"."rules_customers_check"();

-- table items

CREATE OR REPLACE FUNCTION "public"."rules_items_before"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
BEGIN
  -- copy items_unit_price: on insert and when items_product_id_products_product_id_fk changes, never later
  IF (TG_OP = 'INSERT' OR OLD."product_id" IS DISTINCT FROM NEW."product_id") AND NEW."product_id" IS NOT NULL THEN
    SELECT p."unit_price" INTO NEW."unit_price"
      FROM "public"."products" p WHERE p."product_id" = NEW."product_id";
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

CREATE OR REPLACE FUNCTION "public"."rules_items_rollup"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  o1 numeric := 0; n1 numeric := 0; v1 numeric;
BEGIN
  -- orders_amount_total: orders through items_order_id_orders_order_id_fk
  IF TG_OP <> 'INSERT' AND OLD."order_id" IS NOT NULL THEN
    o1 := coalesce(OLD."amount", 0);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."order_id" IS NOT NULL THEN
    n1 := coalesce(NEW."amount", 0);
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."order_id" IS NOT DISTINCT FROM NEW."order_id" THEN
    IF n1 <> o1 THEN
      UPDATE "public"."orders" p SET "amount_total" = p."amount_total" + (n1 - o1)
        WHERE p."order_id" = NEW."order_id"
        RETURNING p."amount_total" INTO v1;
      IF FOUND AND n1 <> o1 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'orders_amount_total', 'orders', NEW."order_id", 'amount_total', v1 - (n1 - o1), v1; END IF;
    END IF;
  ELSIF TG_OP = 'UPDATE' AND OLD."order_id" > NEW."order_id" THEN
    IF n1 <> 0 THEN
      UPDATE "public"."orders" p SET "amount_total" = p."amount_total" + n1
        WHERE p."order_id" = NEW."order_id"
        RETURNING p."amount_total" INTO v1;
      IF FOUND AND n1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'orders_amount_total', 'orders', NEW."order_id", 'amount_total', v1 - n1, v1; END IF;
    END IF;
    IF o1 <> 0 THEN
      UPDATE "public"."orders" p SET "amount_total" = p."amount_total" - o1
        WHERE p."order_id" = OLD."order_id"
        RETURNING p."amount_total" INTO v1;
      IF FOUND AND o1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'orders_amount_total', 'orders', OLD."order_id", 'amount_total', v1 + o1, v1; END IF;
    END IF;
  ELSE
    IF o1 <> 0 THEN
      UPDATE "public"."orders" p SET "amount_total" = p."amount_total" - o1
        WHERE p."order_id" = OLD."order_id"
        RETURNING p."amount_total" INTO v1;
      IF FOUND AND o1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'orders_amount_total', 'orders', OLD."order_id", 'amount_total', v1 + o1, v1; END IF;
    END IF;
    IF n1 <> 0 THEN
      UPDATE "public"."orders" p SET "amount_total" = p."amount_total" + n1
        WHERE p."order_id" = NEW."order_id"
        RETURNING p."amount_total" INTO v1;
      IF FOUND AND n1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'orders_amount_total', 'orders', NEW."order_id", 'amount_total', v1 - n1, v1; END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_items_rollup_ins_del" ON "public"."items";
CREATE TRIGGER "rules_items_rollup_ins_del" AFTER INSERT OR DELETE ON "public"."items"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_items_rollup"();

DROP TRIGGER IF EXISTS "rules_items_rollup_upd" ON "public"."items";
CREATE TRIGGER "rules_items_rollup_upd" AFTER UPDATE ON "public"."items"
  FOR EACH ROW WHEN (OLD."amount" IS DISTINCT FROM NEW."amount" OR OLD."order_id" IS DISTINCT FROM NEW."order_id") EXECUTE FUNCTION "public"."rules_items_rollup"();

-- table orders

CREATE OR REPLACE FUNCTION "public"."rules_orders_rollup"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  o1 numeric := 0; n1 numeric := 0; v1 numeric;
BEGIN
  -- customers_balance: customers through orders_customer_id_customers_customer_id_fk
  IF TG_OP <> 'INSERT' AND OLD."customer_id" IS NOT NULL THEN
    o1 := CASE WHEN (OLD."ship_date" IS NULL) THEN coalesce(OLD."amount_total", 0) ELSE 0 END;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."customer_id" IS NOT NULL THEN
    n1 := CASE WHEN (NEW."ship_date" IS NULL) THEN coalesce(NEW."amount_total", 0) ELSE 0 END;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."customer_id" IS NOT DISTINCT FROM NEW."customer_id" THEN
    IF n1 <> o1 THEN
      UPDATE "public"."customers" p SET "balance" = p."balance" + (n1 - o1)
        WHERE p."customer_id" = NEW."customer_id"
        RETURNING p."balance" INTO v1;
      IF FOUND AND n1 <> o1 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customers_balance', 'customers', NEW."customer_id", 'balance', v1 - (n1 - o1), v1; END IF;
    END IF;
  ELSIF TG_OP = 'UPDATE' AND OLD."customer_id" > NEW."customer_id" THEN
    IF n1 <> 0 THEN
      UPDATE "public"."customers" p SET "balance" = p."balance" + n1
        WHERE p."customer_id" = NEW."customer_id"
        RETURNING p."balance" INTO v1;
      IF FOUND AND n1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customers_balance', 'customers', NEW."customer_id", 'balance', v1 - n1, v1; END IF;
    END IF;
    IF o1 <> 0 THEN
      UPDATE "public"."customers" p SET "balance" = p."balance" - o1
        WHERE p."customer_id" = OLD."customer_id"
        RETURNING p."balance" INTO v1;
      IF FOUND AND o1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customers_balance', 'customers', OLD."customer_id", 'balance', v1 + o1, v1; END IF;
    END IF;
  ELSE
    IF o1 <> 0 THEN
      UPDATE "public"."customers" p SET "balance" = p."balance" - o1
        WHERE p."customer_id" = OLD."customer_id"
        RETURNING p."balance" INTO v1;
      IF FOUND AND o1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customers_balance', 'customers', OLD."customer_id", 'balance', v1 + o1, v1; END IF;
    END IF;
    IF n1 <> 0 THEN
      UPDATE "public"."customers" p SET "balance" = p."balance" + n1
        WHERE p."customer_id" = NEW."customer_id"
        RETURNING p."balance" INTO v1;
      IF FOUND AND n1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customers_balance', 'customers', NEW."customer_id", 'balance', v1 - n1, v1; END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_orders_rollup_ins_del" ON "public"."orders";
CREATE TRIGGER "rules_orders_rollup_ins_del" AFTER INSERT OR DELETE ON "public"."orders"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_orders_rollup"();

DROP TRIGGER IF EXISTS "rules_orders_rollup_upd" ON "public"."orders";
CREATE TRIGGER "rules_orders_rollup_upd" AFTER UPDATE ON "public"."orders"
  FOR EACH ROW WHEN (OLD."amount_total" IS DISTINCT FROM NEW."amount_total" OR OLD."customer_id" IS DISTINCT FROM NEW."customer_id" OR OLD."ship_date" IS DISTINCT FROM NEW."ship_date") EXECUTE FUNCTION "public"."rules_orders_rollup"();
