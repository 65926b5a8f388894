/**
 * Shipping's own check-credit rules, compiled to sql/shipping/10-rules.sql:
 * the same engine, another schema.
 */
import { constraint, copy, defineRules, e, formula, sum } from "../src/engine/rules";
import { Customers, Items, Orders, Products } from "./schema";

export const shippingRules = defineRules({ source: "shipping/rules.ts" }, [
  constraint("customers_credit", Customers, e.lte(Customers.Balance, Customers.CreditLimit),
    "balance ({Balance}) exceeds credit ({CreditLimit})"),
  sum(Customers.Balance, { of: Orders.AmountTotal, where: e.isNull(Orders.ShipDate) }),
  sum(Orders.AmountTotal, { of: Items.Amount }),
  // A negative or zero quantity would lower the balance the credit check guards.
  constraint("items_quantity_positive", Items, e.gt(Items.Quantity, 0), "quantity ({Quantity}) must be at least 1"),
  copy(Items.UnitPrice, { from: Products.UnitPrice }),
  formula(Items.Amount, e.mul(Items.UnitPrice, Items.Quantity)),
]);
