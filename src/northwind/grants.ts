/**
 * Who may do what in Northwind. admin (sa) and sales see everything; a
 * customer sees and edits only its own account, orders and order details, and
 * may not change its credit or derived totals; a partner places B2B orders.
 */
import { ALL_OPERATIONS, claimEquals, defineGrants, grant, throughParent } from "../engine/security/grants";
import { IdempotencyKey } from "../engine/http/idempotency.schema";
import * as t from "./schema";

const BUSINESS_TABLES = [
  t.Category, t.Customer, t.CustomerDemographic, t.Department, t.Employee, t.EmployeeAudit, t.EmployeeTerritory,
  t.Location, t.Order, t.OrderDetail, t.Product, t.Region, t.SampleDbVersion, t.Shipper, t.Supplier, t.Territory, t.Union,
];
const REFERENCE_TABLES = [t.Category, t.Employee, t.Location, t.Product, t.Region, t.Shipper, t.Supplier, t.Territory];
const OWN_CUSTOMER = claimEquals(t.Customer.Id, "customer_id");
const OWN_ORDER = claimEquals(t.Order.CustomerId, "customer_id");

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
    grant("partner", [...REFERENCE_TABLES, t.Customer], ["select"]),
    grant("partner", [t.Order, t.OrderDetail], ["select", "insert"]),
    grant("partner", IdempotencyKey, ["select", "insert", "update"]),
    grant("customer", REFERENCE_TABLES, ["select"]),
    grant("customer", t.Customer, ["select", "update"], { where: OWN_CUSTOMER, updatableColumns: CUSTOMER_EDITABLE_COLUMNS }),
    grant("customer", t.Order, ALL_OPERATIONS, { where: OWN_ORDER }),
    grant("customer", t.OrderDetail, ALL_OPERATIONS, { where: throughParent(t.OrderDetail.OrderId, t.Order, t.Order.Id, OWN_ORDER) }),
  ],
});
