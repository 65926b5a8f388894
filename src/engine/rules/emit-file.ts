/**
 * Stage 3: the whole generated SQL file. A header naming the spec, a block that
 * drops rule triggers and functions of earlier versions (so removed rules stop
 * firing), then per table, alphabetically: before, rollup, cascade and check triggers.
 */
import { quoteDollar, quoteLiteral, sqlComment } from "../sql/quote";
import { describeRule } from "./describe";
import { emitBefore } from "./emit-before";
import { emitCascade } from "./emit-cascade";
import { emitCheck } from "./emit-check";
import { emitRollup } from "./emit-rollup";
import type { RuleSetIr } from "./ir";

export function emitRulesSql(ir: RuleSetIr): string {
  const header = [
    sqlComment(`generated from ${ir.source} by bun run rules:generate; do not edit`),
    sqlComment(`${ir.rules.length} rules:`),
    ...ir.rules.map((r) => sqlComment(`  ${describeRule(r)}`)),
  ];
  const sections = [...ir.tables.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((table) => ({ table, parts: [emitBefore, emitRollup, emitCascade, emitCheck].flatMap((emit) => emit(ir, table)) }))
    .filter((s) => s.parts.length > 0)
    .map((s) => [sqlComment(`table ${s.table.name}`), ...s.parts].join("\n\n"));
  return `${[header.join("\n"), dropPrevious(ir.schema), ...sections].join("\n\n")}\n`;
}

/** Idempotent: the file may be re-applied whenever its hash changes. */
function dropPrevious(schema: string): string {
  const body = `
DECLARE
  t record;
BEGIN
  FOR t IN SELECT tg.tgname, c.relname FROM pg_trigger tg
      JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = ${quoteLiteral(schema)} AND NOT tg.tgisinternal AND tg.tgname LIKE 'rules\\_%' LOOP
    EXECUTE format('DROP TRIGGER %I ON %I.%I', t.tgname, ${quoteLiteral(schema)}, t.relname);
  END LOOP;
  FOR t IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace
      WHERE s.nspname = ${quoteLiteral(schema)} AND p.proname LIKE 'rules\\_%' AND p.prorettype = 'trigger'::regtype LOOP
    EXECUTE format('DROP FUNCTION %s', t.fn);
  END LOOP;
END;
`;
  return [
    "-- Drop the rule triggers and functions of the previous version first, so a removed rule stops firing.",
    `DO ${quoteDollar(body)};`,
  ].join("\n");
}
