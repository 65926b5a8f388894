-- generated from src/northwind/grants.ts by `bun run sql:generate`; do not edit

-- A claim of the request's JWT, as text; null outside a request.
create or replace function auth_claim(name text) returns text
language sql stable as $$
  select nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> name
$$;

do $$ begin
  if not exists (select from pg_roles where rolname = 'nw_admin') then
    create role "nw_admin" nologin;
  end if;
end $$;
grant "nw_admin" to current_user;
grant usage on schema public to "nw_admin";
grant usage, select on all sequences in schema public to "nw_admin";
grant execute on function auth_claim(text) to "nw_admin";

do $$ begin
  if not exists (select from pg_roles where rolname = 'nw_sales') then
    create role "nw_sales" nologin;
  end if;
end $$;
grant "nw_sales" to current_user;
grant usage on schema public to "nw_sales";
grant usage, select on all sequences in schema public to "nw_sales";
grant execute on function auth_claim(text) to "nw_sales";

do $$ begin
  if not exists (select from pg_roles where rolname = 'nw_partner') then
    create role "nw_partner" nologin;
  end if;
end $$;
grant "nw_partner" to current_user;
grant usage on schema public to "nw_partner";
grant usage, select on all sequences in schema public to "nw_partner";
grant execute on function auth_claim(text) to "nw_partner";

do $$ begin
  if not exists (select from pg_roles where rolname = 'nw_customer') then
    create role "nw_customer" nologin;
  end if;
end $$;
grant "nw_customer" to current_user;
grant usage on schema public to "nw_customer";
grant usage, select on all sequences in schema public to "nw_customer";
grant execute on function auth_claim(text) to "nw_customer";

alter table "category" enable row level security;
revoke all on "category" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'category'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'category');
  end loop;
end $$;

alter table "customer" enable row level security;
revoke all on "customer" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'customer'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'customer');
  end loop;
end $$;

alter table "customer_demographic" enable row level security;
revoke all on "customer_demographic" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'customer_demographic'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'customer_demographic');
  end loop;
end $$;

alter table "department" enable row level security;
revoke all on "department" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'department'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'department');
  end loop;
end $$;

alter table "employee" enable row level security;
revoke all on "employee" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'employee'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'employee');
  end loop;
end $$;

alter table "employee_audit" enable row level security;
revoke all on "employee_audit" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'employee_audit'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'employee_audit');
  end loop;
end $$;

alter table "employee_territory" enable row level security;
revoke all on "employee_territory" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'employee_territory'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'employee_territory');
  end loop;
end $$;

alter table "idempotency_key" enable row level security;
revoke all on "idempotency_key" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'idempotency_key'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'idempotency_key');
  end loop;
end $$;

alter table "location" enable row level security;
revoke all on "location" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'location'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'location');
  end loop;
end $$;

alter table "order" enable row level security;
revoke all on "order" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'order'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'order');
  end loop;
end $$;

alter table "order_detail" enable row level security;
revoke all on "order_detail" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'order_detail'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'order_detail');
  end loop;
end $$;

alter table "product" enable row level security;
revoke all on "product" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'product'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'product');
  end loop;
end $$;

alter table "region" enable row level security;
revoke all on "region" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'region'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'region');
  end loop;
end $$;

alter table "sample_db_version" enable row level security;
revoke all on "sample_db_version" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'sample_db_version'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'sample_db_version');
  end loop;
end $$;

alter table "shipper" enable row level security;
revoke all on "shipper" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'shipper'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'shipper');
  end loop;
end $$;

alter table "supplier" enable row level security;
revoke all on "supplier" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'supplier'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'supplier');
  end loop;
end $$;

alter table "territory" enable row level security;
revoke all on "territory" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'territory'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'territory');
  end loop;
end $$;

alter table "union" enable row level security;
revoke all on "union" from "nw_admin", "nw_sales", "nw_partner", "nw_customer";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'union'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'union');
  end loop;
end $$;

grant select on "category" to "nw_admin";
grant insert on "category" to "nw_admin";
grant update on "category" to "nw_admin";
grant delete on "category" to "nw_admin";
create policy "grant_admin_select" on "category" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "category" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "category" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "category" for delete to "nw_admin" using (true);

grant select on "customer" to "nw_admin";
grant insert on "customer" to "nw_admin";
grant update on "customer" to "nw_admin";
grant delete on "customer" to "nw_admin";
create policy "grant_admin_select" on "customer" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "customer" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "customer" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "customer" for delete to "nw_admin" using (true);

grant select on "customer_demographic" to "nw_admin";
grant insert on "customer_demographic" to "nw_admin";
grant update on "customer_demographic" to "nw_admin";
grant delete on "customer_demographic" to "nw_admin";
create policy "grant_admin_select" on "customer_demographic" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "customer_demographic" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "customer_demographic" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "customer_demographic" for delete to "nw_admin" using (true);

grant select on "department" to "nw_admin";
grant insert on "department" to "nw_admin";
grant update on "department" to "nw_admin";
grant delete on "department" to "nw_admin";
create policy "grant_admin_select" on "department" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "department" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "department" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "department" for delete to "nw_admin" using (true);

grant select on "employee" to "nw_admin";
grant insert on "employee" to "nw_admin";
grant update on "employee" to "nw_admin";
grant delete on "employee" to "nw_admin";
create policy "grant_admin_select" on "employee" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "employee" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "employee" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "employee" for delete to "nw_admin" using (true);

grant select on "employee_audit" to "nw_admin";
grant insert on "employee_audit" to "nw_admin";
grant update on "employee_audit" to "nw_admin";
grant delete on "employee_audit" to "nw_admin";
create policy "grant_admin_select" on "employee_audit" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "employee_audit" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "employee_audit" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "employee_audit" for delete to "nw_admin" using (true);

grant select on "employee_territory" to "nw_admin";
grant insert on "employee_territory" to "nw_admin";
grant update on "employee_territory" to "nw_admin";
grant delete on "employee_territory" to "nw_admin";
create policy "grant_admin_select" on "employee_territory" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "employee_territory" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "employee_territory" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "employee_territory" for delete to "nw_admin" using (true);

grant select on "location" to "nw_admin";
grant insert on "location" to "nw_admin";
grant update on "location" to "nw_admin";
grant delete on "location" to "nw_admin";
create policy "grant_admin_select" on "location" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "location" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "location" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "location" for delete to "nw_admin" using (true);

grant select on "order" to "nw_admin";
grant insert on "order" to "nw_admin";
grant update on "order" to "nw_admin";
grant delete on "order" to "nw_admin";
create policy "grant_admin_select" on "order" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "order" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "order" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "order" for delete to "nw_admin" using (true);

grant select on "order_detail" to "nw_admin";
grant insert on "order_detail" to "nw_admin";
grant update on "order_detail" to "nw_admin";
grant delete on "order_detail" to "nw_admin";
create policy "grant_admin_select" on "order_detail" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "order_detail" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "order_detail" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "order_detail" for delete to "nw_admin" using (true);

grant select on "product" to "nw_admin";
grant insert on "product" to "nw_admin";
grant update on "product" to "nw_admin";
grant delete on "product" to "nw_admin";
create policy "grant_admin_select" on "product" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "product" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "product" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "product" for delete to "nw_admin" using (true);

grant select on "region" to "nw_admin";
grant insert on "region" to "nw_admin";
grant update on "region" to "nw_admin";
grant delete on "region" to "nw_admin";
create policy "grant_admin_select" on "region" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "region" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "region" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "region" for delete to "nw_admin" using (true);

grant select on "sample_db_version" to "nw_admin";
grant insert on "sample_db_version" to "nw_admin";
grant update on "sample_db_version" to "nw_admin";
grant delete on "sample_db_version" to "nw_admin";
create policy "grant_admin_select" on "sample_db_version" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "sample_db_version" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "sample_db_version" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "sample_db_version" for delete to "nw_admin" using (true);

grant select on "shipper" to "nw_admin";
grant insert on "shipper" to "nw_admin";
grant update on "shipper" to "nw_admin";
grant delete on "shipper" to "nw_admin";
create policy "grant_admin_select" on "shipper" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "shipper" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "shipper" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "shipper" for delete to "nw_admin" using (true);

grant select on "supplier" to "nw_admin";
grant insert on "supplier" to "nw_admin";
grant update on "supplier" to "nw_admin";
grant delete on "supplier" to "nw_admin";
create policy "grant_admin_select" on "supplier" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "supplier" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "supplier" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "supplier" for delete to "nw_admin" using (true);

grant select on "territory" to "nw_admin";
grant insert on "territory" to "nw_admin";
grant update on "territory" to "nw_admin";
grant delete on "territory" to "nw_admin";
create policy "grant_admin_select" on "territory" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "territory" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "territory" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "territory" for delete to "nw_admin" using (true);

grant select on "union" to "nw_admin";
grant insert on "union" to "nw_admin";
grant update on "union" to "nw_admin";
grant delete on "union" to "nw_admin";
create policy "grant_admin_select" on "union" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "union" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "union" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "union" for delete to "nw_admin" using (true);

grant select on "idempotency_key" to "nw_admin";
grant insert on "idempotency_key" to "nw_admin";
grant update on "idempotency_key" to "nw_admin";
grant delete on "idempotency_key" to "nw_admin";
create policy "grant_admin_select" on "idempotency_key" for select to "nw_admin" using (true);
create policy "grant_admin_insert" on "idempotency_key" for insert to "nw_admin" with check (true);
create policy "grant_admin_update" on "idempotency_key" for update to "nw_admin" using (true) with check (true);
create policy "grant_admin_delete" on "idempotency_key" for delete to "nw_admin" using (true);

grant select on "category" to "nw_sales";
grant insert on "category" to "nw_sales";
grant update on "category" to "nw_sales";
grant delete on "category" to "nw_sales";
create policy "grant_sales_select" on "category" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "category" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "category" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "category" for delete to "nw_sales" using (true);

grant select on "customer" to "nw_sales";
grant insert on "customer" to "nw_sales";
grant update on "customer" to "nw_sales";
grant delete on "customer" to "nw_sales";
create policy "grant_sales_select" on "customer" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "customer" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "customer" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "customer" for delete to "nw_sales" using (true);

grant select on "customer_demographic" to "nw_sales";
grant insert on "customer_demographic" to "nw_sales";
grant update on "customer_demographic" to "nw_sales";
grant delete on "customer_demographic" to "nw_sales";
create policy "grant_sales_select" on "customer_demographic" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "customer_demographic" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "customer_demographic" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "customer_demographic" for delete to "nw_sales" using (true);

grant select on "department" to "nw_sales";
grant insert on "department" to "nw_sales";
grant update on "department" to "nw_sales";
grant delete on "department" to "nw_sales";
create policy "grant_sales_select" on "department" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "department" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "department" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "department" for delete to "nw_sales" using (true);

grant select on "employee" to "nw_sales";
grant insert on "employee" to "nw_sales";
grant update on "employee" to "nw_sales";
grant delete on "employee" to "nw_sales";
create policy "grant_sales_select" on "employee" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "employee" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "employee" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "employee" for delete to "nw_sales" using (true);

grant select on "employee_audit" to "nw_sales";
grant insert on "employee_audit" to "nw_sales";
grant update on "employee_audit" to "nw_sales";
grant delete on "employee_audit" to "nw_sales";
create policy "grant_sales_select" on "employee_audit" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "employee_audit" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "employee_audit" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "employee_audit" for delete to "nw_sales" using (true);

grant select on "employee_territory" to "nw_sales";
grant insert on "employee_territory" to "nw_sales";
grant update on "employee_territory" to "nw_sales";
grant delete on "employee_territory" to "nw_sales";
create policy "grant_sales_select" on "employee_territory" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "employee_territory" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "employee_territory" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "employee_territory" for delete to "nw_sales" using (true);

grant select on "location" to "nw_sales";
grant insert on "location" to "nw_sales";
grant update on "location" to "nw_sales";
grant delete on "location" to "nw_sales";
create policy "grant_sales_select" on "location" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "location" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "location" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "location" for delete to "nw_sales" using (true);

grant select on "order" to "nw_sales";
grant insert on "order" to "nw_sales";
grant update on "order" to "nw_sales";
grant delete on "order" to "nw_sales";
create policy "grant_sales_select" on "order" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "order" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "order" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "order" for delete to "nw_sales" using (true);

grant select on "order_detail" to "nw_sales";
grant insert on "order_detail" to "nw_sales";
grant update on "order_detail" to "nw_sales";
grant delete on "order_detail" to "nw_sales";
create policy "grant_sales_select" on "order_detail" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "order_detail" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "order_detail" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "order_detail" for delete to "nw_sales" using (true);

grant select on "product" to "nw_sales";
grant insert on "product" to "nw_sales";
grant update on "product" to "nw_sales";
grant delete on "product" to "nw_sales";
create policy "grant_sales_select" on "product" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "product" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "product" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "product" for delete to "nw_sales" using (true);

grant select on "region" to "nw_sales";
grant insert on "region" to "nw_sales";
grant update on "region" to "nw_sales";
grant delete on "region" to "nw_sales";
create policy "grant_sales_select" on "region" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "region" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "region" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "region" for delete to "nw_sales" using (true);

grant select on "sample_db_version" to "nw_sales";
grant insert on "sample_db_version" to "nw_sales";
grant update on "sample_db_version" to "nw_sales";
grant delete on "sample_db_version" to "nw_sales";
create policy "grant_sales_select" on "sample_db_version" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "sample_db_version" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "sample_db_version" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "sample_db_version" for delete to "nw_sales" using (true);

grant select on "shipper" to "nw_sales";
grant insert on "shipper" to "nw_sales";
grant update on "shipper" to "nw_sales";
grant delete on "shipper" to "nw_sales";
create policy "grant_sales_select" on "shipper" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "shipper" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "shipper" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "shipper" for delete to "nw_sales" using (true);

grant select on "supplier" to "nw_sales";
grant insert on "supplier" to "nw_sales";
grant update on "supplier" to "nw_sales";
grant delete on "supplier" to "nw_sales";
create policy "grant_sales_select" on "supplier" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "supplier" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "supplier" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "supplier" for delete to "nw_sales" using (true);

grant select on "territory" to "nw_sales";
grant insert on "territory" to "nw_sales";
grant update on "territory" to "nw_sales";
grant delete on "territory" to "nw_sales";
create policy "grant_sales_select" on "territory" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "territory" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "territory" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "territory" for delete to "nw_sales" using (true);

grant select on "union" to "nw_sales";
grant insert on "union" to "nw_sales";
grant update on "union" to "nw_sales";
grant delete on "union" to "nw_sales";
create policy "grant_sales_select" on "union" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "union" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "union" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "union" for delete to "nw_sales" using (true);

grant select on "idempotency_key" to "nw_sales";
grant insert on "idempotency_key" to "nw_sales";
grant update on "idempotency_key" to "nw_sales";
grant delete on "idempotency_key" to "nw_sales";
create policy "grant_sales_select" on "idempotency_key" for select to "nw_sales" using (true);
create policy "grant_sales_insert" on "idempotency_key" for insert to "nw_sales" with check (true);
create policy "grant_sales_update" on "idempotency_key" for update to "nw_sales" using (true) with check (true);
create policy "grant_sales_delete" on "idempotency_key" for delete to "nw_sales" using (true);

grant select on "category" to "nw_partner";
create policy "grant_partner_select" on "category" for select to "nw_partner" using (true);

grant select on "location" to "nw_partner";
create policy "grant_partner_select" on "location" for select to "nw_partner" using (true);

grant select on "product" to "nw_partner";
create policy "grant_partner_select" on "product" for select to "nw_partner" using (true);

grant select on "region" to "nw_partner";
create policy "grant_partner_select" on "region" for select to "nw_partner" using (true);

grant select on "shipper" to "nw_partner";
create policy "grant_partner_select" on "shipper" for select to "nw_partner" using (true);

grant select on "supplier" to "nw_partner";
create policy "grant_partner_select" on "supplier" for select to "nw_partner" using (true);

grant select on "territory" to "nw_partner";
create policy "grant_partner_select" on "territory" for select to "nw_partner" using (true);

grant select on "customer" to "nw_partner";
create policy "grant_partner_select" on "customer" for select to "nw_partner" using (true);

grant select ("id", "last_name", "first_name", "title", "title_of_courtesy", "extension", "email", "reports_to", xmin) on "employee" to "nw_partner";
create policy "grant_partner_select" on "employee" for select to "nw_partner" using (true);

grant select on "order" to "nw_partner";
create policy "grant_partner_select" on "order" for select to "nw_partner" using (true);

grant select on "order_detail" to "nw_partner";
create policy "grant_partner_select" on "order_detail" for select to "nw_partner" using (true);

grant insert ("customer_id", "employee_id", "order_date", "required_date", "ship_name", "ship_address", "ship_city", "ship_region", "ship_postal_code", "ship_country", "country", "city", "ready", "clone_from_order", "notes") on "order" to "nw_partner";
create policy "grant_partner_insert" on "order" for insert to "nw_partner" with check (true);

grant insert ("order_id", "product_id", "quantity") on "order_detail" to "nw_partner";
create policy "grant_partner_insert" on "order_detail" for insert to "nw_partner" with check (exists (select 1 from "order" "p0" where "p0"."id" = "order_detail"."order_id" and "p0"."shipped_date" is null));

grant select on "idempotency_key" to "nw_partner";
grant insert on "idempotency_key" to "nw_partner";
grant update on "idempotency_key" to "nw_partner";
create policy "grant_partner_select" on "idempotency_key" for select to "nw_partner" using ("idempotency_key"."principal" = auth_claim('sub'));
create policy "grant_partner_insert" on "idempotency_key" for insert to "nw_partner" with check ("idempotency_key"."principal" = auth_claim('sub'));
create policy "grant_partner_update" on "idempotency_key" for update to "nw_partner" using ("idempotency_key"."principal" = auth_claim('sub')) with check ("idempotency_key"."principal" = auth_claim('sub'));

grant select on "category" to "nw_customer";
create policy "grant_customer_select" on "category" for select to "nw_customer" using (true);

grant select on "location" to "nw_customer";
create policy "grant_customer_select" on "location" for select to "nw_customer" using (true);

grant select on "product" to "nw_customer";
create policy "grant_customer_select" on "product" for select to "nw_customer" using (true);

grant select on "region" to "nw_customer";
create policy "grant_customer_select" on "region" for select to "nw_customer" using (true);

grant select on "shipper" to "nw_customer";
create policy "grant_customer_select" on "shipper" for select to "nw_customer" using (true);

grant select on "supplier" to "nw_customer";
create policy "grant_customer_select" on "supplier" for select to "nw_customer" using (true);

grant select on "territory" to "nw_customer";
create policy "grant_customer_select" on "territory" for select to "nw_customer" using (true);

grant select ("id", "last_name", "first_name", "title", "title_of_courtesy", "extension", "email", "reports_to", xmin) on "employee" to "nw_customer";
create policy "grant_customer_select" on "employee" for select to "nw_customer" using (true);

grant select on "customer" to "nw_customer";
grant update ("company_name", "contact_name", "contact_title", "address", "city", "region", "postal_code", "country", "phone", "fax") on "customer" to "nw_customer";
create policy "grant_customer_select" on "customer" for select to "nw_customer" using ("customer"."id" = auth_claim('customer_id'));
create policy "grant_customer_update" on "customer" for update to "nw_customer" using ("customer"."id" = auth_claim('customer_id')) with check ("customer"."id" = auth_claim('customer_id'));

grant select on "order" to "nw_customer";
create policy "grant_customer_select" on "order" for select to "nw_customer" using ("order"."customer_id" = auth_claim('customer_id'));

grant delete on "order" to "nw_customer";
create policy "grant_customer_delete" on "order" for delete to "nw_customer" using (("order"."customer_id" = auth_claim('customer_id') and "order"."shipped_date" is null));

grant insert ("customer_id", "employee_id", "order_date", "required_date", "ship_name", "ship_address", "ship_city", "ship_region", "ship_postal_code", "ship_country", "country", "city", "ready", "clone_from_order", "notes") on "order" to "nw_customer";
grant update ("customer_id", "employee_id", "order_date", "required_date", "ship_name", "ship_address", "ship_city", "ship_region", "ship_postal_code", "ship_country", "country", "city", "ready", "clone_from_order", "notes") on "order" to "nw_customer";
create policy "grant_customer_insert" on "order" for insert to "nw_customer" with check (("order"."customer_id" = auth_claim('customer_id') and "order"."shipped_date" is null));
create policy "grant_customer_update" on "order" for update to "nw_customer" using (("order"."customer_id" = auth_claim('customer_id') and "order"."shipped_date" is null)) with check (("order"."customer_id" = auth_claim('customer_id') and "order"."shipped_date" is null));

grant select on "order_detail" to "nw_customer";
create policy "grant_customer_select" on "order_detail" for select to "nw_customer" using (exists (select 1 from "order" "p0" where "p0"."id" = "order_detail"."order_id" and "p0"."customer_id" = auth_claim('customer_id')));

grant delete on "order_detail" to "nw_customer";
create policy "grant_customer_delete" on "order_detail" for delete to "nw_customer" using (exists (select 1 from "order" "p0" where "p0"."id" = "order_detail"."order_id" and ("p0"."customer_id" = auth_claim('customer_id') and "p0"."shipped_date" is null)));

grant insert ("order_id", "product_id", "quantity") on "order_detail" to "nw_customer";
grant update ("order_id", "product_id", "quantity") on "order_detail" to "nw_customer";
create policy "grant_customer_insert" on "order_detail" for insert to "nw_customer" with check (exists (select 1 from "order" "p0" where "p0"."id" = "order_detail"."order_id" and ("p0"."customer_id" = auth_claim('customer_id') and "p0"."shipped_date" is null)));
create policy "grant_customer_update" on "order_detail" for update to "nw_customer" using (exists (select 1 from "order" "p0" where "p0"."id" = "order_detail"."order_id" and ("p0"."customer_id" = auth_claim('customer_id') and "p0"."shipped_date" is null))) with check (exists (select 1 from "order" "p0" where "p0"."id" = "order_detail"."order_id" and ("p0"."customer_id" = auth_claim('customer_id') and "p0"."shipped_date" is null)));
