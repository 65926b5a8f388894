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
  FOR EACH ROW WHEN (((NEW."a""b" <= NEW."limit")) IS FALSE) EXECUTE FUNCTION "public"."rules_order_check"();

DROP TRIGGER IF EXISTS "rules_order_check_upd" ON "public"."order";
CREATE CONSTRAINT TRIGGER "rules_order_check_upd" AFTER UPDATE ON "public"."order"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((OLD."a""b" IS DISTINCT FROM NEW."a""b" OR OLD."limit" IS DISTINCT FROM NEW."limit") AND (((NEW."a""b" <= NEW."limit")) IS FALSE)) EXECUTE FUNCTION "public"."rules_order_check"();

-- table order line

CREATE OR REPLACE FUNCTION "public"."rules_order line_before"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn1$
DECLARE
  p1 "public"."group"%ROWTYPE;
BEGIN
  -- group through order line_group_group_id_fk, read once for parentCheck order line_group_parent, copy order line_price$fn$, formula order line_label
  IF (TG_OP = 'INSERT' OR OLD."group" IS DISTINCT FROM NEW."group") AND NEW."group" IS NOT NULL THEN
    SELECT p."price$fn$", p."name" INTO p1."price$fn$", p1."name"
      FROM "public"."group" p WHERE p."id" = NEW."group";
    IF NOT FOUND AND (TG_OP = 'INSERT' OR OLD."group" IS DISTINCT FROM NEW."group") THEN
      RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = 'no group ' || coalesce(NEW."group"::text, 'null') || '; it''s gone', CONSTRAINT = 'order line_group_parent';
    END IF;
  END IF;
  -- copy order line_price$fn$: on insert and when order line_group_group_id_fk changes, never later
  IF (TG_OP = 'INSERT' OR OLD."group" IS DISTINCT FROM NEW."group") AND NEW."group" IS NOT NULL THEN
    NEW."price$fn$" := p1."price$fn$";
    IF NEW."price$fn$" IS DISTINCT FROM OLD."price$fn$" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order line_price$fn$', 'order line', NEW."id", 'price$fn$', OLD."price$fn$", NEW."price$fn$"; END IF;
  END IF;
  -- formula order line_amount
  IF (TG_OP = 'INSERT' OR OLD."qty" IS DISTINCT FROM NEW."qty" OR OLD."price$fn$" IS DISTINCT FROM NEW."price$fn$") THEN
    NEW."amount" := (NEW."qty" * NEW."price$fn$");
    IF NEW."amount" IS DISTINCT FROM OLD."amount" THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order line_amount', 'order line', NEW."id", 'amount', OLD."amount", NEW."amount"; END IF;
  END IF;
  -- formula order line_label
  IF (TG_OP = 'INSERT' OR OLD."group" IS DISTINCT FROM NEW."group") THEN
    NEW."label" := p1."name";
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

CREATE OR REPLACE FUNCTION "public"."rules_order line_rollup_ins"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- order_a"b, order_select: order through order line_order id_order_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1, sum(x.v2) AS d2
        FROM (SELECT n."order id" AS k1, CASE WHEN (n."qty" > 0) THEN coalesce(n."amount", 0)::numeric ELSE 0 END AS v1, 1 AS v2 FROM "new_rows" n) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."order" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0 OR d.d2 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."order" p SET "a""b" = p."a""b" + l.d1, "select" = p."select" + l.d2
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."a""b" AS v1, l.d1, p."select" AS v2, l.d2
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_a"b', 'order', r.k1, 'a"b', r.v1 - r.d1, r.v1; END IF;
    IF logging AND r.d2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_select', 'order', r.k1, 'select', r.v2 - r.d2, r.v2; END IF;
  END LOOP;
  -- group_used: group through order line_group_group_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT n."group" AS k1, coalesce(n."qty", 0)::numeric AS v1 FROM "new_rows" n) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."group" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."group" p SET "used" = p."used" + l.d1
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."used" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'group_used', 'group', r.k1, 'used', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order line_rollup_ins" ON "public"."order line";
CREATE TRIGGER "rules_order line_rollup_ins" AFTER INSERT ON "public"."order line"
  REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_order line_rollup_ins"();

CREATE OR REPLACE FUNCTION "public"."rules_order line_rollup_del"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- order_a"b, order_select: order through order line_order id_order_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1, sum(x.v2) AS d2
        FROM (SELECT o."order id" AS k1, -(CASE WHEN (o."qty" > 0) THEN coalesce(o."amount", 0)::numeric ELSE 0 END) AS v1, -1 AS v2 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."order" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0 OR d.d2 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."order" p SET "a""b" = p."a""b" + l.d1, "select" = p."select" + l.d2
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."a""b" AS v1, l.d1, p."select" AS v2, l.d2
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_a"b', 'order', r.k1, 'a"b', r.v1 - r.d1, r.v1; END IF;
    IF logging AND r.d2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_select', 'order', r.k1, 'select', r.v2 - r.d2, r.v2; END IF;
  END LOOP;
  -- group_used: group through order line_group_group_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT o."group" AS k1, -(coalesce(o."qty", 0)::numeric) AS v1 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."group" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."group" p SET "used" = p."used" + l.d1
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."used" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'group_used', 'group', r.k1, 'used', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order line_rollup_del" ON "public"."order line";
CREATE TRIGGER "rules_order line_rollup_del" AFTER DELETE ON "public"."order line"
  REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_order line_rollup_del"();

CREATE OR REPLACE FUNCTION "public"."rules_order line_rollup_upd"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = "public", pg_temp AS $fn$
DECLARE
  r record;
  logging boolean := current_setting('client_min_messages') LIKE 'debug%' OR current_setting('log_min_messages') LIKE 'debug%';
BEGIN
  -- order_a"b, order_select: order through order line_order id_order_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1, sum(x.v2) AS d2
        FROM (SELECT n."order id" AS k1, CASE WHEN (n."qty" > 0) THEN coalesce(n."amount", 0)::numeric ELSE 0 END AS v1, 1 AS v2 FROM "new_rows" n
        UNION ALL SELECT o."order id" AS k1, -(CASE WHEN (o."qty" > 0) THEN coalesce(o."amount", 0)::numeric ELSE 0 END) AS v1, -1 AS v2 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."order" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0 OR d.d2 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."order" p SET "a""b" = p."a""b" + l.d1, "select" = p."select" + l.d2
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."a""b" AS v1, l.d1, p."select" AS v2, l.d2
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_a"b', 'order', r.k1, 'a"b', r.v1 - r.d1, r.v1; END IF;
    IF logging AND r.d2 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'order_select', 'order', r.k1, 'select', r.v2 - r.d2, r.v2; END IF;
  END LOOP;
  -- group_used: group through order line_group_group_id_fk
  FOR r IN
    WITH d AS (
      SELECT x.k1, sum(x.v1) AS d1
        FROM (SELECT n."group" AS k1, coalesce(n."qty", 0)::numeric AS v1 FROM "new_rows" n
        UNION ALL SELECT o."group" AS k1, -(coalesce(o."qty", 0)::numeric) AS v1 FROM "old_rows" o) x
        WHERE x.k1 IS NOT NULL GROUP BY x.k1
    ), l AS MATERIALIZED (
      SELECT d.* FROM "public"."group" p JOIN d ON p."id" = d.k1
        WHERE d.d1 <> 0
        ORDER BY p."id" FOR NO KEY UPDATE OF p
    )
    UPDATE "public"."group" p SET "used" = p."used" + l.d1
      FROM l WHERE p."id" = l.k1
      RETURNING l.k1, p."used" AS v1, l.d1
  LOOP
    IF logging AND r.d1 <> 0 THEN RAISE DEBUG 'rule %: %[%] % % -> %', 'group_used', 'group', r.k1, 'used', r.v1 - r.d1, r.v1; END IF;
  END LOOP;
  RETURN NULL;
END;
$fn$;

DROP TRIGGER IF EXISTS "rules_order line_rollup_upd" ON "public"."order line";
CREATE TRIGGER "rules_order line_rollup_upd" AFTER UPDATE ON "public"."order line"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "public"."rules_order line_rollup_upd"();
