/**
 * Every GET is one statement, so it sees one snapshot and needs no BEGIN of
 * its own: the main rows (a page or a single row) are a CTE, each include
 * level a CTE of the rows related to the level above (a semi-join), and the
 * result is one row of JSON arrays (`data`, one per include) plus the exact
 * count and, for related endpoints, whether the row named in the URL exists.
 */
import type { IncludeNode, SortKey } from "../query/query-types";
import { attributeRef, resourceColumns, tableRef } from "./build-common";
import type { OrderItem, Select, SelectItem, TableRef, With } from "./sql-ast";
import { param } from "./sql-ast";

/** CTE names; a table with one of these names would be shadowed (registerJsonApi refuses it). */
export const PAGE = "jsonapi_page";
export const INCLUDE_PREFIX = "jsonapi_include_";

export interface ReadSpec {
  /** The main rows; a keyset page holds one look-ahead row beyond `limit`. */
  readonly main: Select;
  /** Order of the main rows by their output names (json_agg keeps it). */
  readonly sort: readonly SortKey[];
  readonly count?: Select;
  readonly exists?: Select;
  readonly include: readonly IncludeNode[];
  /** When the main rows hold a look-ahead row: includes follow only the first `limit`. */
  readonly limit?: number;
}

export interface ReadStatement {
  readonly statement: Select;
  /** The result column holding each include level's rows. */
  readonly includeColumns: ReadonlyMap<IncludeNode, string>;
}

const cte = (name: string, alias: string): TableRef => ({ kind: "table", schema: undefined, name, alias });

/** The main rows' order, by output name. */
function byName(sort: readonly SortKey[], alias: string): OrderItem[] {
  return sort.map((k) => ({ expr: attributeRef(alias, k.attribute, true), direction: k.direction }));
}

function aggregate(name: string, orderBy?: readonly OrderItem[]): SelectItem {
  return { expr: { kind: "scalar", select: { kind: "select", columns: [{ expr: { kind: "jsonAgg", alias: "p", ...(orderBy ? { orderBy } : {}) } }],
    from: cte(name, "p") } }, as: name };
}

export function readStatement(spec: ReadSpec): ReadStatement {
  const ctes: With[] = [{ name: PAGE, select: spec.main }];
  const columns: SelectItem[] = [{ ...aggregate(PAGE, byName(spec.sort, "p")), as: "data" }];
  if (spec.count) columns.push({ expr: { kind: "scalar", select: spec.count }, as: "count" });
  if (spec.exists) columns.push({ expr: { kind: "scalar", select: spec.exists }, as: "exists" });
  const includeColumns = new Map<IncludeNode, string>();
  // The first page rows only, when the page holds a look-ahead row.
  const firstRows: Select | undefined = spec.limit === undefined ? undefined : { kind: "select", columns: [{ expr: { kind: "star", alias: "f" } }],
    from: cte(PAGE, "f"), orderBy: byName(spec.sort, "f"), limit: param(spec.limit) };
  const add = (nodes: readonly IncludeNode[], parent: string, parentRows?: Select) => {
    for (const node of nodes) {
      const name = `${INCLUDE_PREFIX}${includeColumns.size + 1}`;
      const { relationship, target } = node;
      ctes.push({ name, select: {
        kind: "select",
        columns: resourceColumns(target, "i"),
        from: tableRef(target, "i"),
        where: { kind: "inSelect", exprs: relationship.targetAttributes.map((a) => attributeRef("i", a, false)),
          select: { kind: "select", columns: relationship.sourceAttributes.map((a) => ({ expr: attributeRef("p", a, true) })),
            from: parentRows ? { kind: "subquery", select: parentRows, alias: "p" } : cte(parent, "p") } },
      } });
      columns.push(aggregate(name));
      includeColumns.set(node, name);
      add(node.children, name);
    }
  };
  add(spec.include, PAGE, firstRows);
  return { statement: { kind: "select", with: ctes, columns }, includeColumns };
}
