-- generated from src/northwind/rules.ts by bun run rules:generate; do not edit
-- 14 rules:
--   constraint customer_credit: customer: (customer.balance <= customer.credit_limit)
--   sum customer_balance: customer.balance = sum(order.amount_total) where ((order.shipped_date IS NULL) AND (order.ready = TRUE))
--   count customer_order_count: customer.order_count = count(order)
--   count customer_unpaid_order_count: customer.unpaid_order_count = count(order) where (order.shipped_date IS NULL)
--   sum order_amount_total: order.amount_total = sum(order_detail.amount)
--   count order_order_detail_count: order.order_detail_count = count(order_detail)
--   constraint order_not_empty: order: (NOT ((order.ready OR (order.shipped_date IS NOT NULL)) AND (order.order_detail_count = 0)))
--   parentCheck order_customer_id_parent: order.(customer_id) references customer
--   parentCheck order_detail_product_id_parent: order_detail.(product_id) references product
--   copy order_detail_unit_price: order_detail.unit_price = copy(product.unit_price)
--   formula order_detail_amount: order_detail.amount = round(((order_detail.unit_price * order_detail.quantity) * CASE WHEN (product.carbon_neutral AND (order_detail.quantity >= 10)) THEN 0.9 ELSE 1 END), 2)
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
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_customer_check"();

DROP TRIGGER IF EXISTS "rules_customer_check_upd" ON "public"."customer";
CREATE CONSTRAINT TRIGGER "rules_customer_check_upd" AFTER UPDATE ON "public"."customer"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."balance" IS DISTINCT FROM NEW."balance" OR OLD."credit_limit" IS DISTINCT FROM NEW."credit_limit") EXECUTE FUNCTION "public"."rules_customer_check"();

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

CREATE OR REPLACE FUNCTION "public"."rules_order_rollup"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  o1 numeric := 0; n1 numeric := 0; v1 numeric;
  o2 numeric := 0; n2 numeric := 0; v2 numeric;
  o3 numeric := 0; n3 numeric := 0; v3 numeric;
BEGIN
  -- customer_balance, customer_order_count, customer_unpaid_order_count: customer through order_customer_id_customer_id_fk
  IF TG_OP <> 'INSERT' AND OLD."customer_id" IS NOT NULL THEN
    o1 := CASE WHEN ((OLD."shipped_date" IS NULL) AND (OLD."ready" = TRUE)) THEN coalesce(OLD."amount_total", 0) ELSE 0 END;
    o2 := 1;
    o3 := CASE WHEN (OLD."shipped_date" IS NULL) THEN 1 ELSE 0 END;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."customer_id" IS NOT NULL THEN
    n1 := CASE WHEN ((NEW."shipped_date" IS NULL) AND (NEW."ready" = TRUE)) THEN coalesce(NEW."amount_total", 0) ELSE 0 END;
    n2 := 1;
    n3 := CASE WHEN (NEW."shipped_date" IS NULL) THEN 1 ELSE 0 END;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."customer_id" IS NOT DISTINCT FROM NEW."customer_id" THEN
    IF n1 <> o1 OR n2 <> o2 OR n3 <> o3 THEN
      UPDATE "public"."customer" p SET "balance" = p."balance" + (n1 - o1), "order_count" = p."order_count" + (n2 - o2), "unpaid_order_count" = p."unpaid_order_count" + (n3 - o3)
        WHERE p."id" = NEW."customer_id"
        RETURNING p."balance", p."order_count", p."unpaid_order_count" INTO v1, v2, v3;
      IF FOUND AND n1 <> o1 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_balance', 'customer', NEW."customer_id", 'balance', v1 - (n1 - o1), v1; END IF;
      IF FOUND AND n2 <> o2 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_order_count', 'customer', NEW."customer_id", 'order_count', v2 - (n2 - o2), v2; END IF;
      IF FOUND AND n3 <> o3 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_unpaid_order_count', 'customer', NEW."customer_id", 'unpaid_order_count', v3 - (n3 - o3), v3; END IF;
    END IF;
  ELSIF TG_OP = 'UPDATE' AND OLD."customer_id" > NEW."customer_id" THEN
    IF n1 <> 0 OR n2 <> 0 OR n3 <> 0 THEN
      UPDATE "public"."customer" p SET "balance" = p."balance" + n1, "order_count" = p."order_count" + n2, "unpaid_order_count" = p."unpaid_order_count" + n3
        WHERE p."id" = NEW."customer_id"
        RETURNING p."balance", p."order_count", p."unpaid_order_count" INTO v1, v2, v3;
      IF FOUND AND n1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_balance', 'customer', NEW."customer_id", 'balance', v1 - n1, v1; END IF;
      IF FOUND AND n2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_order_count', 'customer', NEW."customer_id", 'order_count', v2 - n2, v2; END IF;
      IF FOUND AND n3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_unpaid_order_count', 'customer', NEW."customer_id", 'unpaid_order_count', v3 - n3, v3; END IF;
    END IF;
    IF o1 <> 0 OR o2 <> 0 OR o3 <> 0 THEN
      UPDATE "public"."customer" p SET "balance" = p."balance" - o1, "order_count" = p."order_count" - o2, "unpaid_order_count" = p."unpaid_order_count" - o3
        WHERE p."id" = OLD."customer_id"
        RETURNING p."balance", p."order_count", p."unpaid_order_count" INTO v1, v2, v3;
      IF FOUND AND o1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_balance', 'customer', OLD."customer_id", 'balance', v1 + o1, v1; END IF;
      IF FOUND AND o2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_order_count', 'customer', OLD."customer_id", 'order_count', v2 + o2, v2; END IF;
      IF FOUND AND o3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_unpaid_order_count', 'customer', OLD."customer_id", 'unpaid_order_count', v3 + o3, v3; END IF;
    END IF;
  ELSE
    IF o1 <> 0 OR o2 <> 0 OR o3 <> 0 THEN
      UPDATE "public"."customer" p SET "balance" = p."balance" - o1, "order_count" = p."order_count" - o2, "unpaid_order_count" = p."unpaid_order_count" - o3
        WHERE p."id" = OLD."customer_id"
        RETURNING p."balance", p."order_count", p."unpaid_order_count" INTO v1, v2, v3;
      IF FOUND AND o1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_balance', 'customer', OLD."customer_id", 'balance', v1 + o1, v1; END IF;
      IF FOUND AND o2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_order_count', 'customer', OLD."customer_id", 'order_count', v2 + o2, v2; END IF;
      IF FOUND AND o3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_unpaid_order_count', 'customer', OLD."customer_id", 'unpaid_order_count', v3 + o3, v3; END IF;
    END IF;
    IF n1 <> 0 OR n2 <> 0 OR n3 <> 0 THEN
      UPDATE "public"."customer" p SET "balance" = p."balance" + n1, "order_count" = p."order_count" + n2, "unpaid_order_count" = p."unpaid_order_count" + n3
        WHERE p."id" = NEW."customer_id"
        RETURNING p."balance", p."order_count", p."unpaid_order_count" INTO v1, v2, v3;
      IF FOUND AND n1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_balance', 'customer', NEW."customer_id", 'balance', v1 - n1, v1; END IF;
      IF FOUND AND n2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_order_count', 'customer', NEW."customer_id", 'order_count', v2 - n2, v2; END IF;
      IF FOUND AND n3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'customer_unpaid_order_count', 'customer', NEW."customer_id", 'unpaid_order_count', v3 - n3, v3; END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_rollup_ins_del" ON "public"."order";
CREATE TRIGGER "rules_order_rollup_ins_del" AFTER INSERT OR DELETE ON "public"."order"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_order_rollup"();

DROP TRIGGER IF EXISTS "rules_order_rollup_upd" ON "public"."order";
CREATE TRIGGER "rules_order_rollup_upd" AFTER UPDATE ON "public"."order"
  FOR EACH ROW WHEN (OLD."amount_total" IS DISTINCT FROM NEW."amount_total" OR OLD."customer_id" IS DISTINCT FROM NEW."customer_id" OR OLD."shipped_date" IS DISTINCT FROM NEW."shipped_date" OR OLD."ready" IS DISTINCT FROM NEW."ready") EXECUTE FUNCTION "public"."rules_order_rollup"();

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
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_order_check"();

DROP TRIGGER IF EXISTS "rules_order_check_upd" ON "public"."order";
CREATE CONSTRAINT TRIGGER "rules_order_check_upd" AFTER UPDATE ON "public"."order"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."ready" IS DISTINCT FROM NEW."ready" OR OLD."shipped_date" IS DISTINCT FROM NEW."shipped_date" OR OLD."order_detail_count" IS DISTINCT FROM NEW."order_detail_count") EXECUTE FUNCTION "public"."rules_order_check"();

-- table order_detail

CREATE OR REPLACE FUNCTION "public"."rules_order_detail_before"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
BEGIN
  -- parentCheck order_detail_product_id_parent
  IF (TG_OP = 'INSERT' OR OLD."product_id" IS DISTINCT FROM NEW."product_id") AND NEW."product_id" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "public"."product" p WHERE p."id" = NEW."product_id") THEN
    RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = 'order_detail.product_id (' || coalesce(NEW."product_id"::text, 'null') || ') references no existing product', CONSTRAINT = 'order_detail_product_id_parent';
  END IF;
  -- copy order_detail_unit_price: on insert and when order_detail_product_id_product_id_fk changes, never later
  IF (TG_OP = 'INSERT' OR OLD."product_id" IS DISTINCT FROM NEW."product_id") AND NEW."product_id" IS NOT NULL THEN
    SELECT p."unit_price" INTO NEW."unit_price"
      FROM "public"."product" p WHERE p."id" = NEW."product_id";
    IF NEW."unit_price" IS DISTINCT FROM OLD."unit_price" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_detail_unit_price', 'order_detail', NEW."id", 'unit_price', OLD."unit_price", NEW."unit_price"; END IF;
  END IF;
  -- formula order_detail_amount
  IF (TG_OP = 'INSERT' OR OLD."unit_price" IS DISTINCT FROM NEW."unit_price" OR OLD."quantity" IS DISTINCT FROM NEW."quantity" OR OLD."product_id" IS DISTINCT FROM NEW."product_id") THEN
    NEW."amount" := round(((NEW."unit_price" * NEW."quantity") * CASE WHEN ((SELECT p."carbon_neutral" FROM "public"."product" p WHERE p."id" = NEW."product_id") AND (NEW."quantity" >= 10)) THEN 0.9 ELSE 1 END), 2);
    IF NEW."amount" IS DISTINCT FROM OLD."amount" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_detail_amount', 'order_detail', NEW."id", 'amount', OLD."amount", NEW."amount"; END IF;
  END IF;
  -- formula order_detail_shipped_date
  IF (TG_OP = 'INSERT' OR OLD."order_id" IS DISTINCT FROM NEW."order_id") THEN
    NEW."shipped_date" := (SELECT p."shipped_date" FROM "public"."order" p WHERE p."id" = NEW."order_id");
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
  FOR EACH ROW WHEN (OLD."product_id" IS DISTINCT FROM NEW."product_id" OR OLD."unit_price" IS DISTINCT FROM NEW."unit_price" OR OLD."quantity" IS DISTINCT FROM NEW."quantity" OR OLD."order_id" IS DISTINCT FROM NEW."order_id") EXECUTE FUNCTION "public"."rules_order_detail_before"();

CREATE OR REPLACE FUNCTION "public"."rules_order_detail_rollup"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  o1 numeric := 0; n1 numeric := 0; v1 numeric;
  o2 numeric := 0; n2 numeric := 0; v2 numeric;
  o3 numeric := 0; n3 numeric := 0; v3 numeric;
BEGIN
  -- order_amount_total, order_order_detail_count: order through order_detail_order_id_order_id_fk
  IF TG_OP <> 'INSERT' AND OLD."order_id" IS NOT NULL THEN
    o1 := coalesce(OLD."amount", 0);
    o2 := 1;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."order_id" IS NOT NULL THEN
    n1 := coalesce(NEW."amount", 0);
    n2 := 1;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."order_id" IS NOT DISTINCT FROM NEW."order_id" THEN
    IF n1 <> o1 OR n2 <> o2 THEN
      UPDATE "public"."order" p SET "amount_total" = p."amount_total" + (n1 - o1), "order_detail_count" = p."order_detail_count" + (n2 - o2)
        WHERE p."id" = NEW."order_id"
        RETURNING p."amount_total", p."order_detail_count" INTO v1, v2;
      IF FOUND AND n1 <> o1 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_amount_total', 'order', NEW."order_id", 'amount_total', v1 - (n1 - o1), v1; END IF;
      IF FOUND AND n2 <> o2 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_order_detail_count', 'order', NEW."order_id", 'order_detail_count', v2 - (n2 - o2), v2; END IF;
    END IF;
  ELSIF TG_OP = 'UPDATE' AND OLD."order_id" > NEW."order_id" THEN
    IF n1 <> 0 OR n2 <> 0 THEN
      UPDATE "public"."order" p SET "amount_total" = p."amount_total" + n1, "order_detail_count" = p."order_detail_count" + n2
        WHERE p."id" = NEW."order_id"
        RETURNING p."amount_total", p."order_detail_count" INTO v1, v2;
      IF FOUND AND n1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_amount_total', 'order', NEW."order_id", 'amount_total', v1 - n1, v1; END IF;
      IF FOUND AND n2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_order_detail_count', 'order', NEW."order_id", 'order_detail_count', v2 - n2, v2; END IF;
    END IF;
    IF o1 <> 0 OR o2 <> 0 THEN
      UPDATE "public"."order" p SET "amount_total" = p."amount_total" - o1, "order_detail_count" = p."order_detail_count" - o2
        WHERE p."id" = OLD."order_id"
        RETURNING p."amount_total", p."order_detail_count" INTO v1, v2;
      IF FOUND AND o1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_amount_total', 'order', OLD."order_id", 'amount_total', v1 + o1, v1; END IF;
      IF FOUND AND o2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_order_detail_count', 'order', OLD."order_id", 'order_detail_count', v2 + o2, v2; END IF;
    END IF;
  ELSE
    IF o1 <> 0 OR o2 <> 0 THEN
      UPDATE "public"."order" p SET "amount_total" = p."amount_total" - o1, "order_detail_count" = p."order_detail_count" - o2
        WHERE p."id" = OLD."order_id"
        RETURNING p."amount_total", p."order_detail_count" INTO v1, v2;
      IF FOUND AND o1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_amount_total', 'order', OLD."order_id", 'amount_total', v1 + o1, v1; END IF;
      IF FOUND AND o2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_order_detail_count', 'order', OLD."order_id", 'order_detail_count', v2 + o2, v2; END IF;
    END IF;
    IF n1 <> 0 OR n2 <> 0 THEN
      UPDATE "public"."order" p SET "amount_total" = p."amount_total" + n1, "order_detail_count" = p."order_detail_count" + n2
        WHERE p."id" = NEW."order_id"
        RETURNING p."amount_total", p."order_detail_count" INTO v1, v2;
      IF FOUND AND n1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_amount_total', 'order', NEW."order_id", 'amount_total', v1 - n1, v1; END IF;
      IF FOUND AND n2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_order_detail_count', 'order', NEW."order_id", 'order_detail_count', v2 - n2, v2; END IF;
    END IF;
  END IF;
  -- product_units_shipped: product through order_detail_product_id_product_id_fk
  IF TG_OP <> 'INSERT' AND OLD."product_id" IS NOT NULL THEN
    o3 := CASE WHEN (OLD."shipped_date" IS NOT NULL) THEN coalesce(OLD."quantity", 0) ELSE 0 END;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."product_id" IS NOT NULL THEN
    n3 := CASE WHEN (NEW."shipped_date" IS NOT NULL) THEN coalesce(NEW."quantity", 0) ELSE 0 END;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."product_id" IS NOT DISTINCT FROM NEW."product_id" THEN
    IF n3 <> o3 THEN
      UPDATE "public"."product" p SET "units_shipped" = p."units_shipped" + (n3 - o3)
        WHERE p."id" = NEW."product_id"
        RETURNING p."units_shipped" INTO v3;
      IF FOUND AND n3 <> o3 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'product_units_shipped', 'product', NEW."product_id", 'units_shipped', v3 - (n3 - o3), v3; END IF;
    END IF;
  ELSIF TG_OP = 'UPDATE' AND OLD."product_id" > NEW."product_id" THEN
    IF n3 <> 0 THEN
      UPDATE "public"."product" p SET "units_shipped" = p."units_shipped" + n3
        WHERE p."id" = NEW."product_id"
        RETURNING p."units_shipped" INTO v3;
      IF FOUND AND n3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'product_units_shipped', 'product', NEW."product_id", 'units_shipped', v3 - n3, v3; END IF;
    END IF;
    IF o3 <> 0 THEN
      UPDATE "public"."product" p SET "units_shipped" = p."units_shipped" - o3
        WHERE p."id" = OLD."product_id"
        RETURNING p."units_shipped" INTO v3;
      IF FOUND AND o3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'product_units_shipped', 'product', OLD."product_id", 'units_shipped', v3 + o3, v3; END IF;
    END IF;
  ELSE
    IF o3 <> 0 THEN
      UPDATE "public"."product" p SET "units_shipped" = p."units_shipped" - o3
        WHERE p."id" = OLD."product_id"
        RETURNING p."units_shipped" INTO v3;
      IF FOUND AND o3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'product_units_shipped', 'product', OLD."product_id", 'units_shipped', v3 + o3, v3; END IF;
    END IF;
    IF n3 <> 0 THEN
      UPDATE "public"."product" p SET "units_shipped" = p."units_shipped" + n3
        WHERE p."id" = NEW."product_id"
        RETURNING p."units_shipped" INTO v3;
      IF FOUND AND n3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'product_units_shipped', 'product', NEW."product_id", 'units_shipped', v3 - n3, v3; END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order_detail_rollup_ins_del" ON "public"."order_detail";
CREATE TRIGGER "rules_order_detail_rollup_ins_del" AFTER INSERT OR DELETE ON "public"."order_detail"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_order_detail_rollup"();

DROP TRIGGER IF EXISTS "rules_order_detail_rollup_upd" ON "public"."order_detail";
CREATE TRIGGER "rules_order_detail_rollup_upd" AFTER UPDATE ON "public"."order_detail"
  FOR EACH ROW WHEN (OLD."amount" IS DISTINCT FROM NEW."amount" OR OLD."order_id" IS DISTINCT FROM NEW."order_id" OR OLD."quantity" IS DISTINCT FROM NEW."quantity" OR OLD."product_id" IS DISTINCT FROM NEW."product_id" OR OLD."shipped_date" IS DISTINCT FROM NEW."shipped_date") EXECUTE FUNCTION "public"."rules_order_detail_rollup"();

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
    UPDATE "public"."order_detail" c SET "amount" = round(((c."unit_price" * c."quantity") * CASE WHEN (NEW."carbon_neutral" AND (c."quantity" >= 10)) THEN 0.9 ELSE 1 END), 2)
      WHERE NEW."id" = c."product_id"
        AND (c."amount" IS DISTINCT FROM round(((c."unit_price" * c."quantity") * CASE WHEN (NEW."carbon_neutral" AND (c."quantity" >= 10)) THEN 0.9 ELSE 1 END), 2));
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN RAISE DEBUG 'rule %: %[%] cascaded to % % rows', 'order_detail_amount', 'product', NEW."id", n, 'order_detail'; END IF;
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_product_cascade_upd" ON "public"."product";
CREATE TRIGGER "rules_product_cascade_upd" AFTER UPDATE ON "public"."product"
  FOR EACH ROW WHEN (OLD."carbon_neutral" IS DISTINCT FROM NEW."carbon_neutral") EXECUTE FUNCTION "public"."rules_product_cascade"();
