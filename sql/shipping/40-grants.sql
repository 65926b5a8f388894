-- generated from shipping/grants.ts by `bun run sql:generate`; do not edit

-- A claim of the request's JWT, as text; null outside a request.
create or replace function auth_claim(name text) returns text
language sql stable as $$
  select nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> name
$$;

do $$ begin
  if not exists (select from pg_roles where rolname = 'ship_admin') then
    create role "ship_admin" nologin;
  end if;
end $$;
grant "ship_admin" to current_user;
grant usage on schema public to "ship_admin";
grant usage, select on all sequences in schema public to "ship_admin";
grant execute on function auth_claim(text) to "ship_admin";

do $$ begin
  if not exists (select from pg_roles where rolname = 'ship_sales') then
    create role "ship_sales" nologin;
  end if;
end $$;
grant "ship_sales" to current_user;
grant usage on schema public to "ship_sales";
grant usage, select on all sequences in schema public to "ship_sales";
grant execute on function auth_claim(text) to "ship_sales";

alter table "customers" enable row level security;
revoke all on "customers" from "ship_admin", "ship_sales";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'customers'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'customers');
  end loop;
end $$;

alter table "items" enable row level security;
revoke all on "items" from "ship_admin", "ship_sales";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'items'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'items');
  end loop;
end $$;

alter table "orders" enable row level security;
revoke all on "orders" from "ship_admin", "ship_sales";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'orders'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'orders');
  end loop;
end $$;

alter table "products" enable row level security;
revoke all on "products" from "ship_admin", "ship_sales";
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = 'products'
           and policyname like 'grant\_%' loop
    execute format('drop policy %I on %I', p.policyname, 'products');
  end loop;
end $$;

grant select on "customers" to "ship_admin";
grant insert on "customers" to "ship_admin";
grant update on "customers" to "ship_admin";
grant delete on "customers" to "ship_admin";
create policy "grant_admin_select" on "customers" for select to "ship_admin" using (true);
create policy "grant_admin_insert" on "customers" for insert to "ship_admin" with check (true);
create policy "grant_admin_update" on "customers" for update to "ship_admin" using (true) with check (true);
create policy "grant_admin_delete" on "customers" for delete to "ship_admin" using (true);

grant select on "products" to "ship_admin";
grant insert on "products" to "ship_admin";
grant update on "products" to "ship_admin";
grant delete on "products" to "ship_admin";
create policy "grant_admin_select" on "products" for select to "ship_admin" using (true);
create policy "grant_admin_insert" on "products" for insert to "ship_admin" with check (true);
create policy "grant_admin_update" on "products" for update to "ship_admin" using (true) with check (true);
create policy "grant_admin_delete" on "products" for delete to "ship_admin" using (true);

grant select on "orders" to "ship_admin";
grant insert on "orders" to "ship_admin";
grant update on "orders" to "ship_admin";
grant delete on "orders" to "ship_admin";
create policy "grant_admin_select" on "orders" for select to "ship_admin" using (true);
create policy "grant_admin_insert" on "orders" for insert to "ship_admin" with check (true);
create policy "grant_admin_update" on "orders" for update to "ship_admin" using (true) with check (true);
create policy "grant_admin_delete" on "orders" for delete to "ship_admin" using (true);

grant select on "items" to "ship_admin";
grant insert on "items" to "ship_admin";
grant update on "items" to "ship_admin";
grant delete on "items" to "ship_admin";
create policy "grant_admin_select" on "items" for select to "ship_admin" using (true);
create policy "grant_admin_insert" on "items" for insert to "ship_admin" with check (true);
create policy "grant_admin_update" on "items" for update to "ship_admin" using (true) with check (true);
create policy "grant_admin_delete" on "items" for delete to "ship_admin" using (true);

grant select on "orders" to "ship_sales";
grant insert on "orders" to "ship_sales";
grant update on "orders" to "ship_sales";
grant delete on "orders" to "ship_sales";
create policy "grant_sales_select" on "orders" for select to "ship_sales" using (true);
create policy "grant_sales_insert" on "orders" for insert to "ship_sales" with check (true);
create policy "grant_sales_update" on "orders" for update to "ship_sales" using (true) with check (true);
create policy "grant_sales_delete" on "orders" for delete to "ship_sales" using (true);

grant select on "items" to "ship_sales";
grant insert on "items" to "ship_sales";
grant update on "items" to "ship_sales";
grant delete on "items" to "ship_sales";
create policy "grant_sales_select" on "items" for select to "ship_sales" using (true);
create policy "grant_sales_insert" on "items" for insert to "ship_sales" with check (true);
create policy "grant_sales_update" on "items" for update to "ship_sales" using (true) with check (true);
create policy "grant_sales_delete" on "items" for delete to "ship_sales" using (true);

grant select on "products" to "ship_sales";
create policy "grant_sales_select" on "products" for select to "ship_sales" using (true);

grant select on "customers" to "ship_sales";
grant update ("contact_name", "region", "balance") on "customers" to "ship_sales";
create policy "grant_sales_select" on "customers" for select to "ship_sales" using (true);
create policy "grant_sales_update" on "customers" for update to "ship_sales" using (true) with check (true);
