-- generated from src/northwind/token-version.ts by `bun run sql:generate`; do not edit

create sequence if not exists "app_user_token_version_seq" as bigint;

-- A new version for the row being written; a hand-set version is replaced too, so none is reused.
create or replace function "app_user_token_version_next"() returns trigger language plpgsql as $fn$
begin
  new."token_version" := nextval('"app_user_token_version_seq"');
  return new;
end
$fn$;

drop trigger if exists "app_user_token_version_insert" on "app_user";
create trigger "app_user_token_version_insert" before insert on "app_user"
  for each row execute function "app_user_token_version_next"();

drop trigger if exists "app_user_token_version_update" on "app_user";
create trigger "app_user_token_version_update" before update on "app_user"
  for each row
  when (old."token_version" is distinct from new."token_version"
    or old."id" is distinct from new."id"
    or old."password_hash" is distinct from new."password_hash"
    or old."disabled" is distinct from new."disabled"
    or old."customer_id" is distinct from new."customer_id"
    or old."client_id" is distinct from new."client_id") execute function "app_user_token_version_next"();

create or replace function "app_user_role_user_id_token_version_bump"() returns trigger language plpgsql as $fn$
begin
  update "app_user" set "token_version" = nextval('"app_user_token_version_seq"')
   where "id" in (
     case when tg_op <> 'INSERT' then old."user_id" end,
     case when tg_op <> 'DELETE' then new."user_id" end);
  return null;
end
$fn$;

drop trigger if exists "app_user_role_user_id_token_version" on "app_user_role";
create trigger "app_user_role_user_id_token_version" after insert or update or delete on "app_user_role"
  for each row execute function "app_user_role_user_id_token_version_bump"();
