/**
 * The shape of admin.yaml, checked with zod when the server loads it. The file
 * holds only presentation choices (labels, order, visibility, help, show_when);
 * schema facts (types, keys, references, derived columns) come from the schema.
 */
import { z } from "zod";

export const AttributeEntry = z.object({
  label: z.string().optional(),
  /** Hidden everywhere (list, show, forms). */
  hidden: z.boolean().optional(),
  /** A column on the list page. */
  list: z.boolean().optional(),
  /** Looked in by the list's search box. */
  search: z.boolean().optional(),
  /** The list can sort by it. */
  sort: z.boolean().optional(),
  /** Help text shown with the field. */
  info: z.string().optional(),
  /** Shown only when this condition holds, e.g. `Ready == true`. */
  show_when: z.string().optional(),
}).strict();

export const TabEntry = z.object({
  /** A to-many relationship of the resource, e.g. OrderList. */
  relationship: z.string(),
  label: z.string().optional(),
  hidden: z.boolean().optional(),
}).strict();

export const ResourceEntry = z.object({
  label: z.string().optional(),
  /** One record's name, e.g. in "Add new Order". */
  singular: z.string().optional(),
  /** Left out of the menu (still reachable from its parents). */
  hidden: z.boolean().optional(),
  /** The attribute shown in place of a foreign key to this resource; `id` for the key itself. */
  user_key: z.string().optional(),
  /** In display order; a missing attribute is shown after these with defaults. */
  attributes: z.record(z.string(), AttributeEntry.nullable()).optional(),
  tabs: z.array(TabEntry).optional(),
}).strict();

export const AdminFile = z.object({
  title: z.string().optional(),
  /** In menu order. */
  resources: z.record(z.string(), ResourceEntry.nullable()).optional(),
}).strict();

export type AttributeEntry = z.infer<typeof AttributeEntry>;
export type TabEntry = z.infer<typeof TabEntry>;
export type ResourceEntry = z.infer<typeof ResourceEntry>;
export type AdminFile = z.infer<typeof AdminFile>;
