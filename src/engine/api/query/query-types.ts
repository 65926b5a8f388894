/**
 * The parsed, schema-checked query of one request: what the planner consumes.
 * Every name in it has been resolved against the resource model; every value
 * has been parsed for its attribute's kind.
 */
import type { AttributeModel, RelationshipModel, ResourceModel } from "../model/resource-model";

export const FILTER_OPS = ["eq", "ne", "lt", "le", "gt", "ge", "in", "notin", "like", "ilike", "null", "notnull"] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export type ParamValue = string | number | boolean;

export type Filter =
  | { readonly kind: "and"; readonly items: readonly Filter[] }
  | { readonly kind: "or"; readonly items: readonly Filter[] }
  | {
    readonly kind: "condition";
    /** Relationships walked from the filtered resource to the attribute's resource (may be empty). */
    readonly path: readonly RelationshipModel[];
    readonly attribute: AttributeModel;
    readonly op: FilterOp;
    readonly values: readonly ParamValue[];
  };

export interface SortKey { readonly attribute: AttributeModel; readonly direction: "asc" | "desc" }

export type Page =
  | { readonly kind: "offset"; readonly offset: number; readonly limit: number }
  /** `after`: the sort-key values (primary key last) of the last row already seen; empty = first page. */
  | { readonly kind: "keyset"; readonly after: readonly (ParamValue | null)[]; readonly limit: number };

export interface IncludeNode {
  readonly relationship: RelationshipModel;
  readonly target: ResourceModel;
  /** Dotted path from the primary resource, e.g. `OrderList.OrderDetailList`. */
  readonly path: string;
  readonly children: readonly IncludeNode[];
}

/** Per type, the fields (attributes and relationships) to render; absent type = all. */
export type Fieldsets = ReadonlyMap<string, ReadonlySet<string>>;

export interface DocumentQuery {
  readonly include: readonly IncludeNode[];
  readonly fields: Fieldsets;
}

export interface CollectionQuery extends DocumentQuery {
  readonly filter: Filter | undefined;
  /** The effective order: the requested keys, then the primary key as tie-breaker. */
  readonly sort: readonly SortKey[];
  readonly page: Page;
}
