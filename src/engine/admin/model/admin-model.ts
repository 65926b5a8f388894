/**
 * The admin model the server sends the SPA at /admin/config.json: admin.yaml's
 * presentation choices joined with the schema's facts (kinds, keys, references,
 * derived columns). Plain types only, so the browser bundle imports no server code.
 */
import type { Condition } from "./show-when";

/** How a value is parsed and shown; the JSON:API engine's value kinds. */
export type FieldKind = "text" | "integer" | "bigint" | "numeric" | "float" | "boolean" | "date" | "timestamp"
  | "time" | "json" | "uuid" | "other";

export interface AdminField {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  /** Decimal places of a numeric column (money is 2), when declared. */
  readonly scale?: number;
  /** Must be given on create: not null, no default, not derived. */
  readonly required: boolean;
  /** Part of the primary key. */
  readonly key: boolean;
  /** Maintained by a rule: shown read-only, never sent. */
  readonly derived: boolean;
  readonly hidden: boolean;
  /** A column of the list page. */
  readonly list: boolean;
  readonly sort: boolean;
  readonly info?: string;
  readonly showWhen?: Condition;
  /** A one-column foreign key: the parent shown by its user key instead of the raw value. */
  readonly reference?: { readonly resource: string; readonly relationship: string };
}

export interface AdminTab {
  /** The to-many relationship, e.g. `OrderList`. */
  readonly relationship: string;
  readonly label: string;
  /** The child resource type. */
  readonly resource: string;
  /** Child attribute ← parent attribute, to pre-fill a new child. */
  readonly foreignKey: readonly { readonly child: string; readonly parent: string }[];
}

export interface AdminResource {
  readonly type: string;
  readonly label: string;
  readonly singular: string;
  /** Listed in the menu. */
  readonly menu: boolean;
  readonly key: { readonly attributes: readonly string[]; readonly generated: boolean; readonly numeric: boolean };
  /** The attribute shown in place of this resource's id (e.g. CompanyName), or `id`. */
  readonly userKey: string;
  /** Attributes the list's search box looks in. */
  readonly search: readonly string[];
  readonly fields: readonly AdminField[];
  readonly tabs: readonly AdminTab[];
}

export interface AdminModel {
  readonly title: string;
  /** Where the JSON:API lives, e.g. `/api`. */
  readonly apiBase: string;
  /** The API's login route; null when the service has none (its API is not authenticated). */
  readonly loginPath: string | null;
  /** The API's "who am I and what may I do" route (GET /api/auth/me); null without login. */
  readonly permissionsPath: string | null;
  readonly resources: readonly AdminResource[];
}
