/**
 * The same behavioural suite on a second, non-Northwind schema whose table and
 * column names are hostile: the engine is schema-agnostic and quotes everything.
 */
import { describeResourceSuite } from "../support/jsonapi-suite";
import { hostileSetup } from "../support/jsonapi-hostile";

describeResourceSuite({
  type: "Child",
  setup: hostileSetup,
  existingId: "5",
  missingId: "100000",
  create: (n) => ({ attributes: { ParentKey: "p,3", Note: `New 'note'; ${n}`, Amount: 12.75, On: "2025-06-30" } }),
  update: { Tag: "re\"tagged", Amount: 1.5 },
  invalid: { attribute: "On", value: "yesterday" },
  required: "Note",
  text: "Note",
  ordered: "Amount",
  nullable: "Tag",
  include: [{ path: "Parent", type: "Parent" }, { path: "Parent.ChildList", type: "Child" }],
  toOne: "Parent",
  relatedFilter: { name: "Parent.Name", value: "Alpha", toOne: "Parent", attribute: "Name" },
});

describeResourceSuite({
  type: "Parent",
  setup: hostileSetup,
  existingId: "p,3",
  missingId: "nope",
  create: (n) => ({ id: `n,${n}`, attributes: { Name: `Parent ${n}` } }),
  update: { Name: "Renamed" },
  invalid: { attribute: "Name", value: 5 },
  required: "Key",
  text: "Name",
  nullable: "Name",
  include: [{ path: "ChildList", type: "Child" }, { path: "ChildList.Parent", type: "Parent" }],
  toMany: "ChildList",
});
