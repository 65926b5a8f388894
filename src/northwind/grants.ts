/**
 * Who may do what in Northwind. admin (sa) and sales see everything; a
 * customer sees and edits only its own account, orders and order details, and
 * may not change its credit, derived totals, prices, discounts or how and when an
 * order ships; a partner places B2B orders. Neither sees employees' personal files.
 */
import { ALL_OPERATIONS, allOf, claimEquals, defineGrants, grant, isNull, throughParent } from "../engine/security/grants";
import { IdempotencyKey } from "../engine/http/idempotency.schema";
import * as t from "./schema";

const BUSINESS_TABLES = [
  t.Category, t.Customer, t.CustomerDemographic, t.Department, t.Employee, t.EmployeeAudit, t.EmployeeTerritory,
  t.Location, t.Order, t.OrderDetail, t.Product, t.Region, t.SampleDbVersion, t.Shipper, t.Supplier, t.Territory, t.Union,
];
const REFERENCE_TABLES = [t.Category, t.Employee, t.Location, t.Product, t.Region, t.Shipper, t.Supplier, t.Territory];
const OWN_CUSTOMER = claimEquals(t.Customer.Id, "customer_id");
const OWN_ORDER = claimEquals(t.Order.CustomerId, "customer_id");
const OWN_IDEMPOTENCY_KEY = claimEquals(IdempotencyKey.Principal, "sub");
const OWN_ORDER_DETAIL = throughParent(t.OrderDetail.OrderId, t.Order, t.Order.Id, OWN_ORDER);
/**
 * A shipped order is history: its balance no longer counts toward credit and its stock has
 * left, so customers may change, delete or add lines only while it is unshipped, and a
 * partner may add lines only to an unshipped order.
 */
const UNSHIPPED = isNull(t.Order.ShippedDate);
const OWN_UNSHIPPED_ORDER = allOf(OWN_ORDER, UNSHIPPED);
const OWN_UNSHIPPED_ORDER_DETAIL = throughParent(t.OrderDetail.OrderId, t.Order, t.Order.Id, OWN_UNSHIPPED_ORDER);
const UNSHIPPED_ORDER_DETAIL = throughParent(t.OrderDetail.OrderId, t.Order, t.Order.Id, UNSHIPPED);

/** What customers and partners may read of an employee: the name and work contact, not the personal file. */
export const EMPLOYEE_PUBLIC_COLUMNS = [
  t.Employee.Id, t.Employee.LastName, t.Employee.FirstName, t.Employee.Title, t.Employee.TitleOfCourtesy,
  t.Employee.Extension, t.Employee.Email, t.Employee.ReportsTo,
];

/**
 * What an order's placer (customer or partner) may set. Left out: ShippedDate, ShipVia and Freight,
 * which fulfilment sets (an order marked shipped stops counting against credit, and Shipping is
 * never told), and the totals the rules derive. The ship-to address is the placer's to choose.
 */
export const ORDER_PLACER_COLUMNS = [
  t.Order.CustomerId, t.Order.EmployeeId, t.Order.OrderDate, t.Order.RequiredDate, t.Order.ShipName, t.Order.ShipAddress,
  t.Order.ShipCity, t.Order.ShipRegion, t.Order.ShipPostalCode, t.Order.ShipCountry, t.Order.Country, t.Order.City,
  t.Order.Ready, t.Order.CloneFromOrder, t.Order.Notes,
];

/** What an order's placer may set on a line: the product and how many. Price, discount and amount are not theirs. */
export const ORDER_DETAIL_PLACER_COLUMNS = [t.OrderDetail.OrderId, t.OrderDetail.ProductId, t.OrderDetail.Quantity];

const REFERENCE_TABLES_BUT_EMPLOYEE = REFERENCE_TABLES.filter((table) => table !== t.Employee);

export const CUSTOMER_EDITABLE_COLUMNS = [
  t.Customer.CompanyName, t.Customer.ContactName, t.Customer.ContactTitle, t.Customer.Address, t.Customer.City,
  t.Customer.Region, t.Customer.PostalCode, t.Customer.Country, t.Customer.Phone, t.Customer.Fax,
];

export const northwindGrants = defineGrants({
  roles: [
    { name: "admin", dbRole: "nw_admin", appRoles: ["sa"] },
    { name: "sales", dbRole: "nw_sales", appRoles: ["sales", "manager"] },
    { name: "partner", dbRole: "nw_partner", appRoles: ["partner"] },
    { name: "customer", dbRole: "nw_customer", appRoles: ["customer"] },
  ],
  grants: [
    grant("admin", [...BUSINESS_TABLES, IdempotencyKey], ALL_OPERATIONS),
    grant("sales", [...BUSINESS_TABLES, IdempotencyKey], ALL_OPERATIONS),
    grant("partner", [...REFERENCE_TABLES_BUT_EMPLOYEE, t.Customer], ["select"]),
    grant("partner", t.Employee, ["select"], { readableColumns: EMPLOYEE_PUBLIC_COLUMNS }),
    grant("partner", [t.Order, t.OrderDetail], ["select"]),
    grant("partner", t.Order, ["insert"], { insertableColumns: ORDER_PLACER_COLUMNS }),
    grant("partner", t.OrderDetail, ["insert"], { where: UNSHIPPED_ORDER_DETAIL, insertableColumns: ORDER_DETAIL_PLACER_COLUMNS }),
    // A partner's stored replies are its own: another partner's keys and order documents stay hidden.
    grant("partner", IdempotencyKey, ["select", "insert", "update"], { where: OWN_IDEMPOTENCY_KEY }),
    grant("customer", REFERENCE_TABLES_BUT_EMPLOYEE, ["select"]),
    grant("customer", t.Employee, ["select"], { readableColumns: EMPLOYEE_PUBLIC_COLUMNS }),
    grant("customer", t.Customer, ["select", "update"], { where: OWN_CUSTOMER, updatableColumns: CUSTOMER_EDITABLE_COLUMNS }),
    grant("customer", t.Order, ["select"], { where: OWN_ORDER }),
    grant("customer", t.Order, ["delete"], { where: OWN_UNSHIPPED_ORDER }),
    grant("customer", t.Order, ["insert", "update"], { where: OWN_UNSHIPPED_ORDER,
      insertableColumns: ORDER_PLACER_COLUMNS, updatableColumns: ORDER_PLACER_COLUMNS }),
    grant("customer", t.OrderDetail, ["select"], { where: OWN_ORDER_DETAIL }),
    grant("customer", t.OrderDetail, ["delete"], { where: OWN_UNSHIPPED_ORDER_DETAIL }),
    grant("customer", t.OrderDetail, ["insert", "update"], { where: OWN_UNSHIPPED_ORDER_DETAIL,
      insertableColumns: ORDER_DETAIL_PLACER_COLUMNS, updatableColumns: ORDER_DETAIL_PLACER_COLUMNS }),
  ],
});
