/**
 * Who may do what in Shipping, for users of Northwind's tokens. admin (sa) may
 * do everything; sales and managers read everything, place, edit and remove
 * orders and items, and may edit a customer's contact but not its credit (the
 * Balance column is listed because the rule triggers write it as them; the API
 * keeps it read-only). Customers and partners get no Shipping role: 403.
 */
import { ALL_OPERATIONS, defineGrants, grant } from "../src/engine/security/grants";
import { Customers, Items, Orders, Products } from "./schema";

export const shippingGrants = defineGrants({
  roles: [
    // Postgres roles are cluster-wide and Shipping may share Northwind's server: names of its own.
    { name: "admin", dbRole: "ship_admin", appRoles: ["sa"] },
    { name: "sales", dbRole: "ship_sales", appRoles: ["sales", "manager"] },
  ],
  grants: [
    grant("admin", [Customers, Products, Orders, Items], ALL_OPERATIONS),
    grant("sales", [Orders, Items], ALL_OPERATIONS),
    grant("sales", Products, ["select"]),
    grant("sales", Customers, ["select", "update"],
      { updatableColumns: [Customers.ContactName, Customers.Region, Customers.Balance] }),
  ],
});
