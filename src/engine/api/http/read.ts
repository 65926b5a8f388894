/**
 * Stage 4 for reads: sends a GET's one statement (build-read.ts) through
 * runInTransaction and unpacks its single result row: the main rows, each
 * include level's rows, the exact count, and whether the URL's row exists.
 */
import type { Context } from "hono";
import type { Database } from "../../db/database";
import type { IncludeNode } from "../query/query-types";
import { readStatement, type ReadSpec } from "../sql/build-read";
import { runInTransaction, type Row } from "../transaction";

export interface ReadResult {
  readonly rows: Row[];
  readonly count: number;
  /** False when the `exists` probe found no row. */
  readonly exists: boolean;
  readonly includeRows: ReadonlyMap<IncludeNode, readonly Row[]>;
}

const rowsOf = (json: unknown): Row[] => (typeof json === "string" ? JSON.parse(json) as Row[] : []);

export async function executeRead(c: Context, database: Database, spec: ReadSpec): Promise<ReadResult> {
  const { statement, includeColumns } = readStatement(spec);
  const [result] = await runInTransaction(c, database, (tx) => tx.run(statement), { readOnly: true });
  const rows = rowsOf(result?.data);
  return {
    rows,
    count: spec.count ? Number(result?.count ?? 0) : rows.length,
    exists: spec.exists ? result?.exists !== null && result?.exists !== undefined : true,
    includeRows: new Map([...includeColumns].map(([node, column]) => [node, rowsOf(result?.[column])])),
  };
}
