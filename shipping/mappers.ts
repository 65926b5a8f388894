/**
 * Shipping's side of the OrderShipping message: Northwind's order id becomes
 * NWRefId, its CustomerId names a Shipping customer, and each item's
 * ProductName names a Shipping product. Other keys (totals) are Shipping's own.
 */
import { children, defineMapping, field, lookup } from "../src/engine/mapping";
import { Customers, Items, Orders, Products } from "./schema";

export const ORDER_SHIPPING_ENVELOPE = "Order";

export const orderShippingInbound = defineMapping({
  name: "OrderShipping",
  table: Orders,
  unknownKeys: "ignore",
  entries: [
    field("Id", Orders.NWRefId),
    lookup(Customers, Orders.CustomerID, { CustomerId: Customers.Name }, { parentName: "Customer" }),
    children("Items", Items.OrderID, defineMapping({
      name: "OrderShipping.Items",
      table: Items,
      unknownKeys: "ignore",
      entries: [
        lookup(Products, Items.ProductID, { ProductName: Products.Name }, { parentName: "Product" }),
        field("Quantity", Items.Quantity),
      ],
    })),
  ],
});
