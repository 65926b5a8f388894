/**
 * Outbound: compiles a mapping to one SQL expression that builds the document
 * as jsonb from a root row, so the same document comes out of a trigger (the
 * outbox), a query, or any writer. Child lists are ordered by primary key.
 */
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { quoteIdent, quoteLiteral } from "../sql/quote";
import { primaryKeyOf, tableName, type Mapping } from "./mapping";

interface Aliases { next(): string }

function aliases(): Aliases {
  let n = 0;
  return { next: () => `m${n++}` };
}

const col = (alias: string, column: PgColumn) => `${quoteIdent(alias)}.${quoteIdent(column.name)}`;

/** A jsonb expression for the row of `mapping.table` visible under `rootAlias`. */
export function documentExpression(mapping: Mapping, rootAlias: string, names: Aliases = aliases()): string {
  const pairs: string[] = [];
  for (const entry of mapping.entries) {
    switch (entry.kind) {
      case "field":
        pairs.push(`${quoteLiteral(entry.key)}, ${col(rootAlias, entry.column)}`);
        break;
      case "lookup": {
        const parentAlias = names.next();
        for (const [key, column] of Object.entries({ ...entry.by, ...entry.include })) {
          pairs.push(`${quoteLiteral(key)}, (select ${col(parentAlias, column)} from ${quoteIdent(tableName(entry.parent))} ${quoteIdent(parentAlias)} where ${col(parentAlias, entry.parentKey)} = ${col(rootAlias, entry.foreignKey)})`);
        }
        break;
      }
      case "children": {
        const childAlias = names.next();
        const child = entry.mapping;
        const inner = documentExpression(child, childAlias, names);
        pairs.push(`${quoteLiteral(entry.key)}, coalesce((select jsonb_agg(${inner} order by ${col(childAlias, primaryKeyOf(child.table))}) from ${quoteIdent(tableName(child.table))} ${quoteIdent(childAlias)} where ${col(childAlias, entry.foreignKey)} = ${col(rootAlias, primaryKeyOf(mapping.table))}), '[]'::jsonb)`);
        break;
      }
    }
  }
  return `jsonb_build_object(${pairs.join(", ")})`;
}

/** `select <document> as document from <table> where <pk> = $1`, optionally wrapped as { envelope: … }. */
export function documentQuery(mapping: Mapping, envelope?: string): string {
  const root = "m_root";
  const body = documentExpression(mapping, root);
  const doc = envelope ? `jsonb_build_object(${quoteLiteral(envelope)}, ${body})` : body;
  return `select ${doc} as document from ${quoteIdent(tableName(mapping.table))} ${quoteIdent(root)} where ${col(root, primaryKeyOf(mapping.table))} = $1`;
}

/** The same query as a drizzle SQL object with the id bound as a parameter. */
export function documentSelect(mapping: Mapping, id: unknown, envelope?: string): SQL {
  const [before] = documentQuery(mapping, envelope).split("$1");
  return sql`${sql.raw(before!)}${id}`;
}
