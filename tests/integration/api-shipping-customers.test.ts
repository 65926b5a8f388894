/** The same JSON:API suite on Shipping's Customers: another schema, the same engine. */
import { describeResourceSuite } from "../support/jsonapi-suite";
import { shippingSetup } from "../support/jsonapi-shipping";

describeResourceSuite({
  type: "Customers",
  setup: () => shippingSetup(),
  existingId: "5",
  missingId: "999999",
  create: (n) => ({ attributes: { Name: `Test customer ${n}`, CreditLimit: 500, Region: "US" } }),
  update: { ContactName: "Zed", Region: "France" },
  invalid: { attribute: "CreditLimit", value: "lots" },
  required: "Name",
  text: "Name",
  ordered: "CreditLimit",
  nullable: "Region",
  include: [{ path: "OrdersList", type: "Orders" }, { path: "OrdersList.ItemsList", type: "Items" }],
  toMany: "OrdersList",
});
