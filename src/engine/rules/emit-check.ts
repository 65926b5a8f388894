/**
 * Deferred constraint triggers: at COMMIT each touched row is re-read by primary
 * key (the event's NEW may be stale by then; a deleted row is skipped) and every
 * constraint of the table is checked, raising SQLSTATE 23514 with the rendered message.
 */
import { qualified, quoteLiteral, sqlComment } from "../sql/quote";
import { inputsOf } from "./analyze";
import type { ConstraintRule, RuleSetIr, TableIr } from "./ir";
import { messageSql } from "./message";
import { changed, objectName, triggerDdl, triggerFunction, uniqueColumns } from "./plpgsql";
import { col, rowScope, sqlOf } from "./sql-expr";

export function emitCheck(ir: RuleSetIr, table: TableIr): string[] {
  const constraints = ir.rules.filter((r): r is ConstraintRule => r.kind === "constraint" && r.table.name === table.name);
  if (constraints.length === 0) return [];
  const tableSql = (name: string) => qualified(ir.schema, name);
  const byKey = table.pk.map((c) => `${col("t", c)} = ${col("NEW", c)}`).join(" AND ");
  const body = [
    `SELECT * INTO r FROM ${tableSql(table.name)} t WHERE ${byKey};`,
    "IF NOT FOUND THEN RETURN NULL; END IF;",
    ...constraints.flatMap((c) => [
      sqlComment(`constraint ${c.name}`),
      // IS FALSE: like a CHECK constraint, an unknown (null) condition passes.
      `IF (${sqlOf(c.condition, rowScope("r", tableSql))}) IS FALSE THEN`,
      `  RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = ${messageSql(c.message, "r")}, CONSTRAINT = ${quoteLiteral(c.name)};`,
      "END IF;",
    ]),
  ];
  const fn = objectName(table.name, "check");
  const inputs = uniqueColumns(constraints.flatMap(inputsOf));
  const trigger = { schema: ir.schema, table: table.name, fn, timing: "AFTER" as const, deferred: true };
  // A check is queued only when the statement leaves the row violating a constraint:
  // whatever write leaves it violating at COMMIT queues one, and a violation fixed
  // later is re-read and passes. Rows that stay valid queue nothing (no commit-time work).
  const violated = constraints.map((c) => `(${sqlOf(c.condition, rowScope("NEW", tableSql))}) IS FALSE`).join(" OR ");
  return [
    triggerFunction({ schema: ir.schema, name: fn, declare: [`r ${tableSql(table.name)}%ROWTYPE;`], body, returns: "NULL" }),
    triggerDdl({ ...trigger, name: objectName(table.name, "check_ins"), event: "INSERT", when: violated }),
    ...(inputs.length
      ? [triggerDdl({ ...trigger, name: objectName(table.name, "check_upd"), event: "UPDATE", when: `(${changed(inputs)}) AND (${violated})` })]
      : []),
  ];
}
