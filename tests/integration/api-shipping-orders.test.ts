/** The JSON:API suite on Shipping's Orders: a to-one parent and a child list. */
import { describeResourceSuite } from "../support/jsonapi-suite";
import { shippingSetup } from "../support/jsonapi-shipping";

describeResourceSuite({
  type: "Orders",
  setup: () => shippingSetup(8),
  existingId: "1",
  missingId: "999999",
  create: (n) => ({ attributes: { CustomerID: 1, Notes: `test ${n}`, NWRefId: 500000 + n } }),
  update: { Notes: "rush" },
  invalid: { attribute: "CustomerID", value: "one" },
  required: "CustomerID",
  text: "Notes",
  ordered: "NWRefId",
  nullable: "ShipDate",
  include: [{ path: "Customers", type: "Customers" }, { path: "ItemsList.Products", type: "Products" }],
  toOne: "Customers",
  toMany: "ItemsList",
  relatedFilter: { name: "Customers.Name", value: "Customer 2", toOne: "Customers", attribute: "Name" },
});
