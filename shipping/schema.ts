/**
 * The Shipping service's tables (its own database), from the shipping sample,
 * plus the engine's inbox for effectively-once consumption.
 */
import { date, index, integer, numeric, pgTable, serial, text, varchar } from "drizzle-orm/pg-core";

export { Inbox } from "../src/engine/inbox/inbox.schema";

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const Customers = pgTable("customers", {
  CustomerID: serial("customer_id").primaryKey(),
  Name: text("name").notNull().unique(),
  Balance: money("balance").notNull().default("0"),
  CreditLimit: money("credit_limit").notNull().default("0"),
  Region: varchar("region", { length: 32 }),
  ContactName: varchar("contact_name", { length: 32 }),
});

export const Products = pgTable("products", {
  ProductID: serial("product_id").primaryKey(),
  Name: text("name").notNull().unique(),
  UnitPrice: money("unit_price").notNull().default("0"),
});

export const Orders = pgTable("orders", {
  OrderID: serial("order_id").primaryKey(),
  CustomerID: integer("customer_id").notNull().references(() => Customers.CustomerID),
  AmountTotal: money("amount_total").notNull().default("0"),
  ShipDate: date("ship_date"),
  Notes: text("notes"),
  NWRefId: integer("nw_ref_id").unique(),
}, (t) => [index("orders_customer_id_idx").on(t.CustomerID)]);

export const Items = pgTable("items", {
  ItemID: serial("item_id").primaryKey(),
  OrderID: integer("order_id").notNull().references(() => Orders.OrderID, { onDelete: "cascade" }),
  ProductID: integer("product_id").notNull().references(() => Products.ProductID),
  Quantity: integer("quantity").notNull().default(1),
  Amount: money("amount").notNull().default("0"),
  UnitPrice: money("unit_price").notNull().default("0"),
}, (t) => [index("items_order_id_idx").on(t.OrderID), index("items_product_id_idx").on(t.ProductID)]);
