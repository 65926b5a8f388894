/**
 * A small rule spec over hostile names (tables `order` and `group`, columns
 * `a"b`, `select`, `price$fn$`, a rule name with a quote, a percent sign and a
 * line break) exercising every rule kind; golden SQL in rules-hostile*.sql.
 */
import { integer, numeric, pgTable, serial, text } from "drizzle-orm/pg-core";
import { adjustBy, constraint, copy, count, defineRules, e, formula, parentCheck, sum } from "../../src/engine/rules";

export const Order = pgTable("order", {
  Id: serial("id").primaryKey(),
  Total: numeric("a\"b", { precision: 12, scale: 2 }).notNull().default("0"),
  Lines: integer("select").notNull().default(0),
  Limit: numeric("limit", { precision: 12, scale: 2 }).notNull().default("100"),
});

export const Group = pgTable("group", {
  Id: serial("id").primaryKey(),
  Name: text("name"),
  Price: numeric("price$fn$", { precision: 12, scale: 2 }).notNull(),
  Used: integer("used").notNull().default(0),
  Stock: integer("stock").notNull().default(0),
});

export const Line = pgTable("order line", {
  Id: serial("id").primaryKey(),
  OrderId: integer("order id").references(() => Order.Id, { onDelete: "cascade" }),
  GroupId: integer("group").notNull().references(() => Group.Id),
  Qty: integer("qty").notNull(),
  Price: numeric("price$fn$", { precision: 12, scale: 2 }).notNull().default("0"),
  Amount: numeric("amount", { precision: 12, scale: 2 }).notNull().default("0"),
  Label: text("label"),
});

/** The DDL the integration test creates the tables with (drizzle-kit is not run for a test schema). */
export const HOSTILE_DDL = `
  create table "order" (id serial primary key, "a""b" numeric(12,2) not null default 0,
    "select" integer not null default 0, "limit" numeric(12,2) not null default 100);
  create table "group" (id serial primary key, name text, "price$fn$" numeric(12,2) not null,
    used integer not null default 0, stock integer not null default 0);
  create table "order line" (id serial primary key,
    "order id" integer references "order"(id) on delete cascade,
    "group" integer not null references "group"(id), qty integer not null,
    "price$fn$" numeric(12,2) not null default 0, amount numeric(12,2) not null default 0, label text);`;

export const hostileRules = defineRules({ source: "tests/golden/rules-hostile.schema.ts" }, [
  constraint("it's 100%\nsure", Order, e.lte(Order.Total, Order.Limit),
    "total {Total} over '{Limit}' $fn$ {{literal}} for {Lines} lines"),
  sum(Order.Total, { of: Line.Amount, where: e.gt(Line.Qty, 0) }),
  count(Order.Lines, { of: Line }),
  parentCheck(Line.GroupId, { message: "no group {GroupId}; it's gone" }),
  copy(Line.Price, { from: Group.Price }),
  formula(Line.Amount, e.mul(Line.Qty, Line.Price)),
  formula(Line.Label, Group.Name),
  sum(Group.Used, { of: Line.Qty }),
  adjustBy(Group.Stock, e.neg(e.change(Group.Used))),
]);
