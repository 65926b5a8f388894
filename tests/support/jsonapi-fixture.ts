/**
 * What the behavioural JSON:API suite needs to know about one resource. A
 * fixture names attributes and sample values; the suite derives everything
 * else (expected filter results, orders, pages) from the collection itself.
 */
import { test } from "bun:test";
import type { JsonApiApp } from "./jsonapi-client";

export interface ResourceFixture {
  /** The JSON:API type, e.g. `Customer`. */
  type: string;
  /** Builds the app over a fresh database; the suite calls it once. */
  setup(): Promise<{ app: JsonApiApp; teardown(): Promise<void> }>;
  existingId: string;
  /** A well-formed id of no row. */
  missingId: string;
  /** A valid new resource; `n` keeps client-chosen ids unique. `id` only for client-chosen keys. */
  create(n: number): { id?: string; attributes: Record<string, unknown> };
  /** A valid change to an existing row. */
  update: Record<string, unknown>;
  /** An attribute with a value of the wrong type. */
  invalid: { attribute: string; value: unknown };
  /** A required attribute the create body may not omit (pointer target of the 422). */
  required: string;
  /** A text attribute (eq, ne, in, notin, like, ilike, or-groups). */
  text: string;
  /** A number or date attribute (lt, le, gt, ge, sort, keyset). Omit when the type has none. */
  ordered?: string;
  /** A nullable attribute (null, notnull). */
  nullable: string;
  /** Include paths with the type each path ends in; at least one nested path. */
  include: readonly { path: string; type: string }[];
  toOne?: string;
  toMany?: string;
  /** A filter on a related resource's attribute, e.g. `Customer.Country=Germany`. */
  relatedFilter?: { name: string; value: string; toOne: string; attribute: string };
}

/** Registers the test only when the fixture has what it needs (a resource without dates has no date tests). */
export function testWhen(condition: unknown): (name: string, fn: () => Promise<void>) => void {
  return condition ? (name, fn) => test(name, fn) : () => {};
}
