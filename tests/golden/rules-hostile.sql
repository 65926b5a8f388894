-- generated from tests/golden/rules-hostile.schema.ts by bun run rules:generate; do not edit
-- 9 rules:
--   constraint it's 100%\u000asure: order: (order.a"b <= order.limit)
--   sum order_a"b: order.a"b = sum(order line.amount) where (order line.qty > 0)
--   count order_select: order.select = count(order line)
--   parentCheck order line_group_parent: order line.(group) references group
--   copy order line_price$fn$: order line.price$fn$ = copy(group.price$fn$)
--   formula order line_amount: order line.amount = (order line.qty * order line.price$fn$)
--   formula order line_label: order line.label = group.name
--   sum group_used: group.used = sum(order line.qty)
--   adjust group_stock: group.stock += (-change(group.used)) (stateful)

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

-- table group

CREATE OR REPLACE FUNCTION "public"."rules_group_before"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
BEGIN
  -- adjustBy group_stock
  IF TG_OP = 'UPDATE' AND (OLD."used" IS DISTINCT FROM NEW."used") THEN
    NEW."stock" := coalesce(NEW."stock", 0) + (-(coalesce(NEW."used", 0) - coalesce(OLD."used", 0)));
    IF NEW."stock" IS DISTINCT FROM OLD."stock" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'group_stock', 'group', NEW."id", 'stock', OLD."stock", NEW."stock"; END IF;
  END IF;
  RETURN NEW;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_group_before_ins" ON "public"."group";
CREATE TRIGGER "rules_group_before_ins" BEFORE INSERT ON "public"."group"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_group_before"();

DROP TRIGGER IF EXISTS "rules_group_before_upd" ON "public"."group";
CREATE TRIGGER "rules_group_before_upd" BEFORE UPDATE ON "public"."group"
  FOR EACH ROW WHEN (OLD."used" IS DISTINCT FROM NEW."used") EXECUTE FUNCTION "public"."rules_group_before"();

CREATE OR REPLACE FUNCTION "public"."rules_group_cascade"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  n bigint;
BEGIN
  -- order line_label: order line rows through order line_group_group_id_fk
  IF OLD."name" IS DISTINCT FROM NEW."name" THEN
    UPDATE "public"."order line" c SET "label" = NEW."name"
      WHERE NEW."id" = c."group"
        AND (c."label" IS DISTINCT FROM NEW."name");
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN RAISE DEBUG 'rule %: %[%] cascaded to % % rows', 'order line_label', 'group', NEW."id", n, 'order line'; END IF;
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_group_cascade_upd" ON "public"."group";
CREATE TRIGGER "rules_group_cascade_upd" AFTER UPDATE ON "public"."group"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "public"."rules_group_cascade"();

-- table order

CREATE OR REPLACE FUNCTION "public"."rules_order_check"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn1$
DECLARE
  r "public"."order"%ROWTYPE;
BEGIN
  SELECT * INTO r FROM "public"."order" t WHERE t."id" = NEW."id";
  IF NOT FOUND THEN RETURN NULL; END IF;
  -- constraint it's 100%\u000asure
  IF ((r."a""b" <= r."limit")) IS FALSE THEN
    RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'total ' || coalesce(round(r."a""b"::numeric, 2)::text, 'null') || ' over ''' || coalesce(round(r."limit"::numeric, 2)::text, 'null') || ''' $fn$ {literal} for ' || coalesce(r."select"::text, 'null') || ' lines', CONSTRAINT = 'it''s 100%
sure';
  END IF;
  RETURN NULL;
END;
$fn1$;

DROP TRIGGER IF EXISTS "rules_order_check_ins" ON "public"."order";
CREATE CONSTRAINT TRIGGER "rules_order_check_ins" AFTER INSERT ON "public"."order"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_order_check"();

DROP TRIGGER IF EXISTS "rules_order_check_upd" ON "public"."order";
CREATE CONSTRAINT TRIGGER "rules_order_check_upd" AFTER UPDATE ON "public"."order"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."a""b" IS DISTINCT FROM NEW."a""b" OR OLD."limit" IS DISTINCT FROM NEW."limit") EXECUTE FUNCTION "public"."rules_order_check"();

-- table order line

CREATE OR REPLACE FUNCTION "public"."rules_order line_before"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn1$
BEGIN
  -- parentCheck order line_group_parent
  IF (TG_OP = 'INSERT' OR OLD."group" IS DISTINCT FROM NEW."group") AND NEW."group" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "public"."group" p WHERE p."id" = NEW."group") THEN
    RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = 'no group ' || coalesce(NEW."group"::text, 'null') || '; it''s gone', CONSTRAINT = 'order line_group_parent';
  END IF;
  -- copy order line_price$fn$: on insert and when order line_group_group_id_fk changes, never later
  IF (TG_OP = 'INSERT' OR OLD."group" IS DISTINCT FROM NEW."group") AND NEW."group" IS NOT NULL THEN
    SELECT p."price$fn$" INTO NEW."price$fn$"
      FROM "public"."group" p WHERE p."id" = NEW."group";
    IF NEW."price$fn$" IS DISTINCT FROM OLD."price$fn$" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order line_price$fn$', 'order line', NEW."id", 'price$fn$', OLD."price$fn$", NEW."price$fn$"; END IF;
  END IF;
  -- formula order line_amount
  IF (TG_OP = 'INSERT' OR OLD."qty" IS DISTINCT FROM NEW."qty" OR OLD."price$fn$" IS DISTINCT FROM NEW."price$fn$") THEN
    NEW."amount" := (NEW."qty" * NEW."price$fn$");
    IF NEW."amount" IS DISTINCT FROM OLD."amount" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order line_amount', 'order line', NEW."id", 'amount', OLD."amount", NEW."amount"; END IF;
  END IF;
  -- formula order line_label
  IF (TG_OP = 'INSERT' OR OLD."group" IS DISTINCT FROM NEW."group") THEN
    NEW."label" := (SELECT p."name" FROM "public"."group" p WHERE p."id" = NEW."group");
    IF NEW."label" IS DISTINCT FROM OLD."label" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order line_label', 'order line', NEW."id", 'label', OLD."label", NEW."label"; END IF;
  END IF;
  RETURN NEW;
END;
$fn1$;

DROP TRIGGER IF EXISTS "rules_order line_before_ins" ON "public"."order line";
CREATE TRIGGER "rules_order line_before_ins" BEFORE INSERT ON "public"."order line"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_order line_before"();

DROP TRIGGER IF EXISTS "rules_order line_before_upd" ON "public"."order line";
CREATE TRIGGER "rules_order line_before_upd" BEFORE UPDATE ON "public"."order line"
  FOR EACH ROW WHEN (OLD."group" IS DISTINCT FROM NEW."group" OR OLD."qty" IS DISTINCT FROM NEW."qty" OR OLD."price$fn$" IS DISTINCT FROM NEW."price$fn$") EXECUTE FUNCTION "public"."rules_order line_before"();

CREATE OR REPLACE FUNCTION "public"."rules_order line_rollup"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  o1 numeric := 0; n1 numeric := 0; v1 numeric;
  o2 numeric := 0; n2 numeric := 0; v2 numeric;
  o3 numeric := 0; n3 numeric := 0; v3 numeric;
BEGIN
  -- order_a"b, order_select: order through order line_order id_order_id_fk
  IF TG_OP <> 'INSERT' AND OLD."order id" IS NOT NULL THEN
    o1 := CASE WHEN (OLD."qty" > 0) THEN coalesce(OLD."amount", 0) ELSE 0 END;
    o2 := 1;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."order id" IS NOT NULL THEN
    n1 := CASE WHEN (NEW."qty" > 0) THEN coalesce(NEW."amount", 0) ELSE 0 END;
    n2 := 1;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."order id" IS NOT DISTINCT FROM NEW."order id" THEN
    IF n1 <> o1 OR n2 <> o2 THEN
      UPDATE "public"."order" p SET "a""b" = p."a""b" + (n1 - o1), "select" = p."select" + (n2 - o2)
        WHERE p."id" = NEW."order id"
        RETURNING p."a""b", p."select" INTO v1, v2;
      IF FOUND AND n1 <> o1 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_a"b', 'order', NEW."order id", 'a"b', v1 - (n1 - o1), v1; END IF;
      IF FOUND AND n2 <> o2 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_select', 'order', NEW."order id", 'select', v2 - (n2 - o2), v2; END IF;
    END IF;
  ELSIF TG_OP = 'UPDATE' AND OLD."order id" > NEW."order id" THEN
    IF n1 <> 0 OR n2 <> 0 THEN
      UPDATE "public"."order" p SET "a""b" = p."a""b" + n1, "select" = p."select" + n2
        WHERE p."id" = NEW."order id"
        RETURNING p."a""b", p."select" INTO v1, v2;
      IF FOUND AND n1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_a"b', 'order', NEW."order id", 'a"b', v1 - n1, v1; END IF;
      IF FOUND AND n2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_select', 'order', NEW."order id", 'select', v2 - n2, v2; END IF;
    END IF;
    IF o1 <> 0 OR o2 <> 0 THEN
      UPDATE "public"."order" p SET "a""b" = p."a""b" - o1, "select" = p."select" - o2
        WHERE p."id" = OLD."order id"
        RETURNING p."a""b", p."select" INTO v1, v2;
      IF FOUND AND o1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_a"b', 'order', OLD."order id", 'a"b', v1 + o1, v1; END IF;
      IF FOUND AND o2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_select', 'order', OLD."order id", 'select', v2 + o2, v2; END IF;
    END IF;
  ELSE
    IF o1 <> 0 OR o2 <> 0 THEN
      UPDATE "public"."order" p SET "a""b" = p."a""b" - o1, "select" = p."select" - o2
        WHERE p."id" = OLD."order id"
        RETURNING p."a""b", p."select" INTO v1, v2;
      IF FOUND AND o1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_a"b', 'order', OLD."order id", 'a"b', v1 + o1, v1; END IF;
      IF FOUND AND o2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_select', 'order', OLD."order id", 'select', v2 + o2, v2; END IF;
    END IF;
    IF n1 <> 0 OR n2 <> 0 THEN
      UPDATE "public"."order" p SET "a""b" = p."a""b" + n1, "select" = p."select" + n2
        WHERE p."id" = NEW."order id"
        RETURNING p."a""b", p."select" INTO v1, v2;
      IF FOUND AND n1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_a"b', 'order', NEW."order id", 'a"b', v1 - n1, v1; END IF;
      IF FOUND AND n2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_select', 'order', NEW."order id", 'select', v2 - n2, v2; END IF;
    END IF;
  END IF;
  -- group_used: group through order line_group_group_id_fk
  IF TG_OP <> 'INSERT' AND OLD."group" IS NOT NULL THEN
    o3 := coalesce(OLD."qty", 0);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."group" IS NOT NULL THEN
    n3 := coalesce(NEW."qty", 0);
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."group" IS NOT DISTINCT FROM NEW."group" THEN
    IF n3 <> o3 THEN
      UPDATE "public"."group" p SET "used" = p."used" + (n3 - o3)
        WHERE p."id" = NEW."group"
        RETURNING p."used" INTO v3;
      IF FOUND AND n3 <> o3 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'group_used', 'group', NEW."group", 'used', v3 - (n3 - o3), v3; END IF;
    END IF;
  ELSIF TG_OP = 'UPDATE' AND OLD."group" > NEW."group" THEN
    IF n3 <> 0 THEN
      UPDATE "public"."group" p SET "used" = p."used" + n3
        WHERE p."id" = NEW."group"
        RETURNING p."used" INTO v3;
      IF FOUND AND n3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'group_used', 'group', NEW."group", 'used', v3 - n3, v3; END IF;
    END IF;
    IF o3 <> 0 THEN
      UPDATE "public"."group" p SET "used" = p."used" - o3
        WHERE p."id" = OLD."group"
        RETURNING p."used" INTO v3;
      IF FOUND AND o3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'group_used', 'group', OLD."group", 'used', v3 + o3, v3; END IF;
    END IF;
  ELSE
    IF o3 <> 0 THEN
      UPDATE "public"."group" p SET "used" = p."used" - o3
        WHERE p."id" = OLD."group"
        RETURNING p."used" INTO v3;
      IF FOUND AND o3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'group_used', 'group', OLD."group", 'used', v3 + o3, v3; END IF;
    END IF;
    IF n3 <> 0 THEN
      UPDATE "public"."group" p SET "used" = p."used" + n3
        WHERE p."id" = NEW."group"
        RETURNING p."used" INTO v3;
      IF FOUND AND n3 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'group_used', 'group', NEW."group", 'used', v3 - n3, v3; END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order line_rollup_ins_del" ON "public"."order line";
CREATE TRIGGER "rules_order line_rollup_ins_del" AFTER INSERT OR DELETE ON "public"."order line"
  FOR EACH ROW EXECUTE FUNCTION "public"."rules_order line_rollup"();

DROP TRIGGER IF EXISTS "rules_order line_rollup_upd" ON "public"."order line";
CREATE TRIGGER "rules_order line_rollup_upd" AFTER UPDATE ON "public"."order line"
  FOR EACH ROW WHEN (OLD."amount" IS DISTINCT FROM NEW."amount" OR OLD."order id" IS DISTINCT FROM NEW."order id" OR OLD."qty" IS DISTINCT FROM NEW."qty" OR OLD."group" IS DISTINCT FROM NEW."group") EXECUTE FUNCTION "public"."rules_order line_rollup"();
