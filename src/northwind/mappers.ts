/**
 * Northwind's document mappings: the partner's B2B order (inbound) and the
 * OrderShipping message sent to Shipping (outbound, built in SQL by the outbox).
 */
import { children, defineMapping, field, lookup } from "../engine/mapping";
import { Customer, Employee, Order, OrderDetail, Product } from "./schema";

/** `{"AccountId","Surname","Given","Items":[{"ProductName","QuantityOrdered"}]}` → Order + OrderDetails, Ready. */
export const orderB2BMapping = defineMapping({
  name: "OrderB2B",
  table: Order,
  constants: { Ready: true },
  entries: [
    lookup(Customer, Order.CustomerId, { AccountId: Customer.Id }, { parentName: "Customer" }),
    lookup(Employee, Order.EmployeeId, { Surname: Employee.LastName, Given: Employee.FirstName }, { parentName: "Employee" }),
    field("Notes", Order.Notes, { optional: true }),
    children("Items", OrderDetail.OrderId, defineMapping({
      name: "OrderB2B.Items",
      table: OrderDetail,
      entries: [
        lookup(Product, OrderDetail.ProductId, { ProductName: Product.ProductName }, { parentName: "Product" }),
        field("QuantityOrdered", OrderDetail.Quantity),
      ],
    })),
  ],
});

/** `{"Order":{"Id","Total","Order Date","CustomerId","Items":[…]}}`: what Shipping consumes. */
export const orderShippingMapping = defineMapping({
  name: "OrderShipping",
  table: Order,
  entries: [
    field("Id", Order.Id),
    field("Total", Order.AmountTotal),
    field("Order Date", Order.OrderDate),
    field("CustomerId", Order.CustomerId),
    children("Items", OrderDetail.OrderId, defineMapping({
      name: "OrderShipping.Items",
      table: OrderDetail,
      entries: [
        field("OrderId", OrderDetail.OrderId),
        lookup(Product, OrderDetail.ProductId, { ProductName: Product.ProductName },
          { parentName: "Product", include: { UnitsInStock: Product.UnitsInStock } }),
        field("Quantity", OrderDetail.Quantity),
        field("Amount", OrderDetail.Amount),
        field("UnitPrice", OrderDetail.UnitPrice),
      ],
    })),
  ],
});

export const ORDER_SHIPPING_ENVELOPE = "Order";
