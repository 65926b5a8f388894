/**
 * Northwind's business rules (the API Logic Server "nw" sample's check-credit
 * logic), compiled by `bun run rules:generate` to sql/northwind/10-rules.sql.
 * Every writer is governed: API, B2B endpoint, admin app, psql.
 */
import { adjustBy, constraint, copy, count, defineRules, e, formula, parentCheck, sum } from "../engine/rules";
import { Customer, Order, OrderDetail, Product } from "./schema";

/** Green-product rule: carbon-neutral products ordered by 10 or more get 10% off. */
const greenDiscount = e.when(e.and(Product.CarbonNeutral, e.gte(OrderDetail.Quantity, 10)), 0.9, 1);

export const northwindRules = defineRules({ source: "src/northwind/rules.ts" }, [
  // Check credit: a customer's unshipped, ready orders may not exceed the credit limit.
  constraint("customer_credit", Customer, e.lte(Customer.Balance, Customer.CreditLimit),
    "balance ({Balance}) exceeds credit ({CreditLimit})"),
  sum(Customer.Balance, { of: Order.AmountTotal, where: e.isNull(Order.ShippedDate) }),
  count(Customer.OrderCount, { of: Order }),
  count(Customer.UnpaidOrderCount, { of: Order, where: e.isNull(Order.ShippedDate) }),

  sum(Order.AmountTotal, { of: OrderDetail.Amount }),
  count(Order.OrderDetailCount, { of: OrderDetail }),
  constraint("order_not_empty", Order,
    e.not(e.and(e.or(Order.Ready, e.isNotNull(Order.ShippedDate)), e.eq(Order.OrderDetailCount, 0))),
    "Empty Order - Cannot Ship or Make Ready"),
  parentCheck(Order.CustomerId),

  // A line may only add to the order: a negative or zero quantity, or a discount of 100% or more,
  // would lower the balance the credit check guards.
  constraint("order_detail_quantity_positive", OrderDetail, e.gt(OrderDetail.Quantity, 0),
    "quantity ({Quantity}) must be at least 1"),
  constraint("order_detail_discount_range", OrderDetail,
    e.and(e.gte(OrderDetail.Discount, 0), e.lt(OrderDetail.Discount, 1)),
    "discount must be at least 0 and less than 1 (a fraction: 0.15 is 15% off)"),
  parentCheck(OrderDetail.ProductId),
  copy(OrderDetail.UnitPrice, { from: Product.UnitPrice }),
  // Classic Northwind's line price (its "Order Details Extended" view): UnitPrice × Quantity × (1 − Discount).
  formula(OrderDetail.Amount, e.round(e.mul(e.mul(e.mul(OrderDetail.UnitPrice, OrderDetail.Quantity),
    e.sub(1, e.coalesce(OrderDetail.Discount, 0))), greenDiscount), 2)),
  formula(OrderDetail.ShippedDate, Order.ShippedDate),

  // Stock: shipping an order moves its quantities from in-stock to shipped.
  sum(Product.UnitsShipped, { of: OrderDetail.Quantity, where: e.isNotNull(OrderDetail.ShippedDate) }),
  adjustBy(Product.UnitsInStock, e.neg(e.change(Product.UnitsShipped))),
]);
