/**
 * Columns owned by rules become read-only API attributes: a client writing
 * Balance would only be overwritten (or break the invariant). Stateful
 * columns (adjusted by a delta, like UnitsInStock) stay writable.
 */
import type { ReadOnlyAttribute } from "./build-registry";

export interface DerivedColumn { table: string; key: string; rule: string; stateful: boolean }

export function readOnlyFromRules(derived: readonly DerivedColumn[]): ReadOnlyAttribute[] {
  return derived.filter((d) => !d.stateful)
    .map((d) => ({ table: d.table, attribute: d.key, reason: `derived by rule ${d.rule}` }));
}
