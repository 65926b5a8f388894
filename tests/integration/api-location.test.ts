/** The JSON:API suite on Location: a composite key (Country, City), ids like `France,Paris`. */
import { describeResourceSuite } from "../support/jsonapi-suite";
import { northwindSetup } from "../support/jsonapi-northwind";

describeResourceSuite({
  type: "Location",
  setup: () => northwindSetup(),
  existingId: "France,Paris",
  missingId: "Nowhere,Nothing",
  // A comma inside a key part is escaped in the id: `Testland,Comma%2C Town 1`.
  create: (n) => ({ id: `Testland,Comma%2C Town ${n}`, attributes: { Notes: `note ${n}` } }),
  update: { Notes: "updated" },
  invalid: { attribute: "Notes", value: 12 },
  required: "Country",
  text: "Country",
  nullable: "Notes",
  include: [{ path: "OrderList", type: "Order" }, { path: "OrderList.Customer", type: "Customer" }],
  toMany: "OrderList",
});
