/** The JSON:API suite on Order: serial key, dates, several parents, derived totals. */
import { describeResourceSuite } from "../support/jsonapi-suite";
import { northwindSetup } from "../support/jsonapi-northwind";

describeResourceSuite({
  type: "Order",
  setup: () => northwindSetup(),
  existingId: "10643",
  missingId: "1",
  create: (n) => ({ attributes: { CustomerId: "ALFKI", EmployeeId: 1, ShipName: `Test ship ${n}`, RequiredDate: "2030-01-31" } }),
  update: { ShipName: "Renamed", RequiredDate: "2031-02-28" },
  invalid: { attribute: "RequiredDate", value: "31/01/2030" },
  required: "CustomerId",
  text: "ShipCountry",
  ordered: "OrderDate",
  nullable: "ShippedDate",
  include: [{ path: "Customer", type: "Customer" }, { path: "OrderDetailList.Product", type: "Product" }],
  toOne: "Customer",
  toMany: "OrderDetailList",
  relatedFilter: { name: "Customer.Country", value: "Germany", toOne: "Customer", attribute: "Country" },
});
