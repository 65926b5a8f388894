/**
 * The AFTER UPDATE trigger on a parent whose columns feed children's formulas
 * (OrderDetail.ShippedDate = Order.ShippedDate): when such a column changes, the
 * children's formula columns are re-set in one UPDATE, which fires their own rules.
 */
import { qualified, quoteIdent, quoteLiteral, sqlComment } from "../sql/quote";
import type { ColumnRef, ForeignKeyRef, FormulaRule, RuleSetIr, TableIr } from "./ir";
import { changed, keySql, objectName, triggerDdl, triggerFunction, uniqueColumns } from "./plpgsql";
import { col, columnsOf, fkMatch, rowScope, sqlOf, type ExprScope } from "./sql-expr";

interface Cascade { fk: ForeignKeyRef; formulas: FormulaRule[]; parentColumns: ColumnRef[] }

export function emitCascade(ir: RuleSetIr, parent: TableIr): string[] {
  const cascades = cascadesFrom(ir, parent);
  if (cascades.length === 0) return [];
  const tableSql = (name: string) => qualified(ir.schema, name);
  const fn = objectName(parent.name, "cascade");
  const body = cascades.flatMap((c) => cascadeBody(c, parent, tableSql));
  return [
    triggerFunction({ schema: ir.schema, name: fn, declare: ["n bigint;"], body, returns: "NULL" }),
    triggerDdl({
      schema: ir.schema, table: parent.name, fn, timing: "AFTER", event: "UPDATE",
      name: objectName(parent.name, "cascade_upd"), when: changed(cascades.flatMap((c) => c.parentColumns)),
    }),
  ];
}

/** Child formulas reading this parent's columns, grouped by the foreign key they read through. */
function cascadesFrom(ir: RuleSetIr, parent: TableIr): Cascade[] {
  const byFk = new Map<string, Cascade>();
  for (const rule of ir.order) {
    if (rule.kind !== "formula") continue;
    for (const { column, fk } of columnsOf(rule.expr)) {
      if (!fk || fk.parent !== parent.name) continue;
      const c = byFk.get(fk.name) ?? { fk, formulas: [], parentColumns: [] };
      if (!c.formulas.includes(rule)) c.formulas.push(rule);
      c.parentColumns = uniqueColumns([...c.parentColumns, column]);
      byFk.set(fk.name, c);
    }
  }
  return [...byFk.values()];
}

/** Inside the cascade, this parent's columns are NEW's; other parents are read by subquery. */
function cascadeScope(fk: ForeignKeyRef, tableSql: (n: string) => string): ExprScope {
  const base = rowScope("c", tableSql);
  return { ...base, column: (column, via) => (via?.name === fk.name ? col("NEW", column) : base.column(column, via)) };
}

function cascadeBody(c: Cascade, parent: TableIr, tableSql: (n: string) => string): string[] {
  const scope = cascadeScope(c.fk, tableSql);
  const values = c.formulas.map((f) => ({ f, sql: sqlOf(f.expr, scope) }));
  const names = c.formulas.map((f) => f.name).join(", ");
  return [
    sqlComment(`${names}: ${c.fk.child} rows through ${c.fk.name}`),
    `IF ${changed(c.parentColumns)} THEN`,
    `  UPDATE ${tableSql(c.fk.child)} c SET ${values.map((v) => `${quoteIdent(v.f.target.name)} = ${v.sql}`).join(", ")}`,
    `    WHERE ${fkMatch(c.fk, "NEW", "c")}`,
    `      AND (${values.map((v) => `${col("c", v.f.target)} IS DISTINCT FROM ${v.sql}`).join(" OR ")});`,
    "  GET DIAGNOSTICS n = ROW_COUNT;",
    `  IF n > 0 THEN RAISE DEBUG 'rule %: %[%] cascaded to % % rows', ${quoteLiteral(names)}, ${quoteLiteral(parent.name)}, ${
      keySql(parent.pk, "NEW")}, n, ${quoteLiteral(c.fk.child)}; END IF;`,
    "END IF;",
  ];
}
