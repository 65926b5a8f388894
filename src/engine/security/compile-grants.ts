/**
 * Compiles a grant spec to SQL: Postgres roles (created when missing, granted to
 * the migrating user so the API may SET ROLE), table and column privileges, and
 * one row-level-security policy per role, table and operation. Claims are read
 * from the transaction-local `request.jwt.claims` through `auth_claim()`.
 */
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { quoteIdent, quoteLiteral } from "../sql/quote";
import { grantColumns, type Grant, type GrantSpec, type Operation, type RowFilter } from "./grants";

const tableName = (t: PgTable) => getTableConfig(t).name;

export function compileGrants(spec: GrantSpec): string {
  const parts = [claimFunction(), ...spec.roles.map((r) => createRole(r.dbRole))];
  const tables = uniqueTables(spec.grants);
  for (const table of tables) parts.push(enableRls(table, spec));
  for (const g of spec.grants) {
    const dbRole = spec.roles.find((r) => r.name === g.role)!.dbRole;
    for (const table of g.tables) parts.push(grantSql(g, table, dbRole));
  }
  return parts.join("\n\n");
}

function claimFunction(): string {
  return `-- A claim of the request's JWT, as text; null outside a request.
create or replace function auth_claim(name text) returns text
language sql stable as $$
  select nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> name
$$;`;
}

function createRole(dbRole: string): string {
  return `do $$ begin
  if not exists (select from pg_roles where rolname = ${quoteLiteral(dbRole)}) then
    create role ${quoteIdent(dbRole)} nologin;
  end if;
end $$;
grant ${quoteIdent(dbRole)} to current_user;
grant usage on schema public to ${quoteIdent(dbRole)};
grant usage, select on all sequences in schema public to ${quoteIdent(dbRole)};
grant execute on function auth_claim(text) to ${quoteIdent(dbRole)};`;
}

/** Enables RLS and drops this spec's old policies, so removed grants disappear. */
function enableRls(table: PgTable, spec: GrantSpec): string {
  const name = tableName(table);
  const roles = spec.roles.map((r) => quoteIdent(r.dbRole)).join(", ");
  return `alter table ${quoteIdent(name)} enable row level security;
revoke all on ${quoteIdent(name)} from ${roles};
do $$ declare p record; begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = ${quoteLiteral(name)}
           and policyname like 'grant\\_%' loop
    execute format('drop policy %I on %I', p.policyname, ${quoteLiteral(name)});
  end loop;
end $$;`;
}

function grantSql(g: Grant, table: PgTable, dbRole: string): string {
  const name = quoteIdent(tableName(table));
  const role = quoteIdent(dbRole);
  const lines = g.operations.map((op) => privilege(op, g, table, name, role));
  const condition = filterSql(g.where, tableName(table), 0);
  for (const op of g.operations) lines.push(policy(op, tableName(table), dbRole, g.role, condition));
  return lines.join("\n");
}

function privilege(op: Operation, g: Grant, table: PgTable, name: string, role: string): string {
  const columns = grantColumns(g, op);
  if (columns) {
    const names = columns.map((c) => { assertColumnOf(c, table); return quoteIdent(c.name); });
    // xmin is the row version the API reads (ETags, meta.checksum): a system column that holds no data.
    if (op === "select") names.push("xmin");
    return `grant ${op} (${names.join(", ")}) on ${name} to ${role};`;
  }
  return `grant ${op} on ${name} to ${role};`;
}

function policy(op: Operation, table: string, dbRole: string, roleName: string, condition: string): string {
  const policyName = quoteIdent(`grant_${roleName}_${op}`);
  const clauses: Record<Operation, string> = {
    select: `using (${condition})`,
    delete: `using (${condition})`,
    insert: `with check (${condition})`,
    update: `using (${condition}) with check (${condition})`,
  };
  return `create policy ${policyName} on ${quoteIdent(table)} for ${op} to ${quoteIdent(dbRole)} ${clauses[op]};`;
}

/** SQL for a row filter; `depth` keeps nested parent aliases distinct. */
function filterSql(filter: RowFilter, rowAlias: string, depth: number): string {
  switch (filter.kind) {
    case "all":
      return "true";
    case "claimEquals":
      return `${quoteIdent(rowAlias)}.${quoteIdent(filter.column.name)} = auth_claim(${quoteLiteral(filter.claim)})`;
    case "throughParent": {
      const alias = `p${depth}`;
      const parent = quoteIdent(tableName(filter.parent));
      return `exists (select 1 from ${parent} ${quoteIdent(alias)} where ${quoteIdent(alias)}.${quoteIdent(filter.parentKey.name)} = `
        + `${quoteIdent(rowAlias)}.${quoteIdent(filter.foreignKey.name)} and ${filterSql(filter.filter, alias, depth + 1)})`;
    }
    case "isNull":
      return `${quoteIdent(rowAlias)}.${quoteIdent(filter.column.name)} is null`;
    case "allOf":
      return filter.filters.length === 0 ? "true" : `(${filter.filters.map((f) => filterSql(f, rowAlias, depth)).join(" and ")})`;
  }
}

function uniqueTables(grants: readonly Grant[]): PgTable[] {
  const seen = new Map<string, PgTable>();
  for (const g of grants) for (const t of g.tables) seen.set(tableName(t), t);
  return [...seen.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, t]) => t);
}

function assertColumnOf(column: PgColumn, table: PgTable): void {
  if (!Object.values(getTableConfig(table).columns).includes(column)) {
    throw new Error(`granted column ${column.name} is not a column of ${tableName(table)}`);
  }
}
