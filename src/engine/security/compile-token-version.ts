/**
 * Compiles a token-version spec to SQL triggers, so every writer (API, psql,
 * batch job) revokes tokens: a user row's version is set from one sequence on
 * insert and whenever a watched column changes, and whenever a dependent row
 * (e.g. a role link) is added, changed or removed. One sequence for all users,
 * so a user deleted and created again never gets back a version once issued.
 */
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { quoteDollar, quoteIdent, quoteLiteral } from "../sql/quote";

export interface TokenVersionSpec {
  /** The user table's version column (bigint); its table is the user table. */
  version: PgColumn;
  /** The user table's key, the token's `sub`. */
  key: PgColumn;
  /** User columns whose change revokes the user's tokens (password, disabled, claims). */
  watch: PgColumn[];
  /** Columns of other tables that reference the user key: any change of such a row revokes. */
  dependents: PgColumn[];
}

export function defineTokenVersion(spec: TokenVersionSpec): TokenVersionSpec {
  const users = getTableConfig(spec.version.table as PgTable).name;
  for (const c of [spec.key, ...spec.watch]) {
    if (getTableConfig(c.table as PgTable).name !== users) throw new Error(`token version: ${c.name} is not a column of ${users}`);
  }
  return Object.freeze(spec);
}

const tableOf = (c: PgColumn) => getTableConfig(c.table as PgTable).name;

export function compileTokenVersion(spec: TokenVersionSpec): string {
  const users = tableOf(spec.version);
  const seq = `${users}_token_version_seq`;
  const version = quoteIdent(spec.version.name);
  const next = `nextval(${quoteLiteral(quoteIdent(seq))})`;
  const changed = [spec.version, ...spec.watch]
    .map((c) => `old.${quoteIdent(c.name)} is distinct from new.${quoteIdent(c.name)}`).join("\n    or ");
  const parts = [
    `create sequence if not exists ${quoteIdent(seq)} as bigint;`,
    `-- A new version for the row being written; a hand-set version is replaced too, so none is reused.
create or replace function ${quoteIdent(`${users}_token_version_next`)}() returns trigger language plpgsql as ${quoteDollar(`
begin
  new.${version} := ${next};
  return new;
end
`)};`,
    trigger(`${users}_token_version_insert`, users, "before insert", "", `${users}_token_version_next`),
    trigger(`${users}_token_version_update`, users, "before update", `\n  when (${changed})`, `${users}_token_version_next`),
    ...spec.dependents.map((d) => dependent(spec, d, next)),
  ];
  return parts.join("\n\n");
}

function trigger(name: string, table: string, timing: string, when: string, fn: string): string {
  return `drop trigger if exists ${quoteIdent(name)} on ${quoteIdent(table)};
create trigger ${quoteIdent(name)} ${timing} on ${quoteIdent(table)}
  for each row${when} execute function ${quoteIdent(fn)}();`;
}

/** A change of a dependent row (a role granted or taken away) bumps the old and the new user. */
function dependent(spec: TokenVersionSpec, column: PgColumn, next: string): string {
  const table = tableOf(column);
  const fn = `${table}_${column.name}_token_version_bump`;
  const ref = quoteIdent(column.name);
  const body = `
begin
  update ${quoteIdent(tableOf(spec.version))} set ${quoteIdent(spec.version.name)} = ${next}
   where ${quoteIdent(spec.key.name)} in (
     case when tg_op <> 'INSERT' then old.${ref} end,
     case when tg_op <> 'DELETE' then new.${ref} end);
  return null;
end
`;
  return `create or replace function ${quoteIdent(fn)}() returns trigger language plpgsql as ${quoteDollar(body)};

${trigger(`${table}_${column.name}_token_version`, table, "after insert or update or delete", "", fn)}`;
}
