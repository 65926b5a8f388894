/** The JSON:API suite on Customer: a client-chosen text key. */
import { describeResourceSuite } from "../support/jsonapi-suite";
import { northwindSetup } from "../support/jsonapi-northwind";

describeResourceSuite({
  type: "Customer",
  setup: () => northwindSetup(),
  existingId: "ALFKI",
  missingId: "NOPE0",
  create: (n) => ({ id: `ZT${n}`, attributes: { CompanyName: `Test Co ${n}`, Country: "Testland", CreditLimit: 1500.5 } }),
  update: { ContactName: "Ada Lovelace", Fax: null },
  invalid: { attribute: "CreditLimit", value: "lots" },
  required: "Id",
  text: "Country",
  ordered: "Balance",
  nullable: "Fax",
  include: [{ path: "OrderList", type: "Order" }, { path: "OrderList.OrderDetailList", type: "OrderDetail" }],
  toMany: "OrderList",
});
