/**
 * The resource model: what the JSON:API engine knows about one table, derived
 * once from a drizzle schema (attributes, primary key, relationships). Every
 * later stage (parse, plan, SQL, serialize, OpenAPI) reads only this model.
 */
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/** How a column's values are parsed from text and written to JSON. */
export type ValueKind = "text" | "integer" | "bigint" | "numeric" | "float" | "boolean" | "date" | "timestamp"
  | "time" | "json" | "uuid" | "other";

export interface AttributeModel {
  /** The drizzle key, e.g. `CompanyName`: the JSON:API attribute name. */
  readonly name: string;
  /** The Postgres column name, e.g. `company_name`. */
  readonly column: string;
  readonly kind: ValueKind;
  /** Postgres type text, e.g. `varchar(16)`, `numeric(14, 2)`; used for casts. */
  readonly sqlType: string;
  readonly notNull: boolean;
  readonly hasDefault: boolean;
  readonly primaryKey: boolean;
  readonly drizzle: PgColumn;
}

export type RelationshipKind = "toOne" | "toMany";

export interface RelationshipModel {
  readonly name: string;
  readonly kind: RelationshipKind;
  readonly source: string;
  readonly target: string;
  /** Join: `target.targetAttributes[i] = source.sourceAttributes[i]`. */
  readonly sourceAttributes: readonly AttributeModel[];
  readonly targetAttributes: readonly AttributeModel[];
  /** The same foreign key seen from the target. */
  readonly inverse: string;
  /** The foreign key's constraint name, for docs and diagnostics. */
  readonly foreignKey: string;
}

export interface ResourceModel {
  /** The drizzle export name, e.g. `Customer`: the JSON:API type and URL segment. */
  readonly type: string;
  readonly table: PgTable;
  readonly tableName: string;
  readonly schemaName: string | undefined;
  readonly attributes: readonly AttributeModel[];
  readonly attribute: ReadonlyMap<string, AttributeModel>;
  readonly primaryKey: readonly AttributeModel[];
  /** True when the key is one column with a default (serial): clients may not choose ids. */
  readonly keyGenerated: boolean;
  readonly relationships: readonly RelationshipModel[];
  readonly relationship: ReadonlyMap<string, RelationshipModel>;
  /** Attributes clients may not write (e.g. derived by rules), with the reason told to them. */
  readonly readOnly: ReadonlyMap<string, string>;
  /** On a role's view (role-view.ts): the operations its grants give. Absent on the full model: all. */
  readonly operations?: ReadonlySet<"select" | "insert" | "update" | "delete">;
  /** On a role's view: the attributes its grants let it insert or update, when not all. */
  readonly writeLimits?: { readonly insert?: ReadonlySet<string>; readonly update?: ReadonlySet<string> };
}

export interface ResourceRegistry {
  readonly resources: readonly ResourceModel[];
  get(type: string): ResourceModel | undefined;
  /** Like get, for names the model itself produced; throws when missing. */
  require(type: string): ResourceModel;
}
