/**
 * The Northwind tables as drizzle definitions: the single source of types.
 * TypeScript keys keep the Northwind names (CompanyName, AmountTotal); Postgres
 * names are snake_case. Money is numeric, never float.
 */
import {
  bigint, boolean, date, foreignKey, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp, varchar,
} from "drizzle-orm/pg-core";

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const Category = pgTable("category", {
  Id: serial("id").primaryKey(),
  CategoryName: text("category_name"),
  Description: text("description"),
  ClientId: integer("client_id"),
});

export const Customer = pgTable("customer", {
  Id: varchar("id", { length: 16 }).primaryKey(),
  CompanyName: text("company_name"),
  ContactName: text("contact_name"),
  ContactTitle: text("contact_title"),
  Address: text("address"),
  City: text("city"),
  Region: text("region"),
  PostalCode: text("postal_code"),
  Country: text("country"),
  Phone: text("phone"),
  Fax: text("fax"),
  Balance: money("balance").notNull().default("0"),
  CreditLimit: money("credit_limit").notNull().default("1000"),
  OrderCount: integer("order_count").notNull().default(0),
  UnpaidOrderCount: integer("unpaid_order_count").notNull().default(0),
  ClientId: integer("client_id"),
});

export const CustomerDemographic = pgTable("customer_demographic", {
  Id: varchar("id", { length: 16 }).primaryKey(),
  CustomerDesc: text("customer_desc"),
});

export const Department = pgTable("department", {
  Id: serial("id").primaryKey(),
  DepartmentId: integer("department_id"),
  DepartmentName: varchar("department_name", { length: 100 }),
  SecurityLevel: integer("security_level").default(0),
}, (t) => [
  foreignKey({ name: "department_parent_fk", columns: [t.DepartmentId], foreignColumns: [t.Id] })
    .onUpdate("cascade").onDelete("cascade"),
]);

export const Union = pgTable("union", {
  Id: serial("id").primaryKey(),
  Name: varchar("name", { length: 80 }),
});

export const Employee = pgTable("employee", {
  Id: serial("id").primaryKey(),
  LastName: text("last_name"),
  FirstName: text("first_name"),
  Title: text("title"),
  TitleOfCourtesy: text("title_of_courtesy"),
  BirthDate: date("birth_date"),
  HireDate: date("hire_date"),
  Address: text("address"),
  City: text("city"),
  Region: text("region"),
  PostalCode: text("postal_code"),
  Country: text("country"),
  HomePhone: text("home_phone"),
  Extension: text("extension"),
  Notes: text("notes"),
  ReportsTo: integer("reports_to"),
  PhotoPath: text("photo_path"),
  EmployeeType: varchar("employee_type", { length: 16 }).default("Salaried"),
  Salary: money("salary"),
  WorksForDepartmentId: integer("works_for_department_id")
    .references(() => Department.Id, { onUpdate: "cascade", onDelete: "set null" }),
  OnLoanDepartmentId: integer("on_loan_department_id")
    .references(() => Department.Id, { onUpdate: "cascade", onDelete: "set null" }),
  UnionId: integer("union_id").references(() => Union.Id),
  Dues: money("dues"),
  Email: text("email"),
}, (t) => [
  foreignKey({ name: "employee_reports_to_fk", columns: [t.ReportsTo], foreignColumns: [t.Id] }),
]);

export const EmployeeAudit = pgTable("employee_audit", {
  Id: serial("id").primaryKey(),
  Title: text("title"),
  Salary: money("salary"),
  LastName: text("last_name"),
  FirstName: text("first_name"),
  EmployeeId: integer("employee_id").references(() => Employee.Id),
  CreatedOn: timestamp("created_on", { mode: "string" }),
  UpdatedOn: timestamp("updated_on", { mode: "string" }),
  CreatedBy: text("created_by"),
  UpdatedBy: text("updated_by"),
});

export const Region = pgTable("region", {
  Id: serial("id").primaryKey(),
  RegionDescription: text("region_description"),
});

export const Territory = pgTable("territory", {
  Id: varchar("id", { length: 16 }).primaryKey(),
  TerritoryDescription: text("territory_description"),
  RegionId: integer("region_id").notNull().references(() => Region.Id),
});

export const EmployeeTerritory = pgTable("employee_territory", {
  Id: varchar("id", { length: 32 }).primaryKey(),
  EmployeeId: integer("employee_id").notNull().references(() => Employee.Id),
  TerritoryId: varchar("territory_id", { length: 16 }).references(() => Territory.Id),
});

export const Location = pgTable("location", {
  Country: varchar("country", { length: 50 }).notNull(),
  City: varchar("city", { length: 50 }).notNull(),
  Notes: varchar("notes", { length: 256 }),
}, (t) => [primaryKey({ columns: [t.Country, t.City] })]);

export const Shipper = pgTable("shipper", {
  Id: serial("id").primaryKey(),
  CompanyName: text("company_name"),
  Phone: text("phone"),
});

export const Supplier = pgTable("supplier", {
  Id: serial("id").primaryKey(),
  CompanyName: text("company_name"),
  ContactName: text("contact_name"),
  ContactTitle: text("contact_title"),
  Address: text("address"),
  City: text("city"),
  Region: text("region"),
  PostalCode: text("postal_code"),
  Country: text("country"),
  Phone: text("phone"),
  Fax: text("fax"),
  HomePage: text("home_page"),
});

export const Product = pgTable("product", {
  Id: serial("id").primaryKey(),
  ProductName: text("product_name").notNull(),
  SupplierId: integer("supplier_id").notNull().references(() => Supplier.Id),
  CategoryId: integer("category_id").notNull().references(() => Category.Id),
  QuantityPerUnit: text("quantity_per_unit"),
  UnitPrice: money("unit_price").notNull(),
  UnitsInStock: integer("units_in_stock").notNull().default(0),
  UnitsOnOrder: integer("units_on_order").notNull().default(0),
  ReorderLevel: integer("reorder_level").notNull().default(0),
  Discontinued: boolean("discontinued").notNull().default(false),
  UnitsShipped: integer("units_shipped").notNull().default(0),
  CarbonNeutral: boolean("carbon_neutral").notNull().default(false),
});

export const Order = pgTable("order", {
  Id: serial("id").primaryKey(),
  CustomerId: varchar("customer_id", { length: 16 }).notNull().references(() => Customer.Id),
  EmployeeId: integer("employee_id").notNull().references(() => Employee.Id),
  OrderDate: date("order_date").defaultNow(),
  RequiredDate: date("required_date"),
  ShippedDate: date("shipped_date"),
  ShipVia: integer("ship_via").references(() => Shipper.Id),
  Freight: money("freight").default("0"),
  ShipName: text("ship_name"),
  ShipAddress: text("ship_address"),
  ShipCity: text("ship_city"),
  ShipRegion: text("ship_region"),
  ShipPostalCode: text("ship_postal_code"),
  ShipCountry: text("ship_country"),
  AmountTotal: money("amount_total").notNull().default("0"),
  Country: varchar("country", { length: 50 }),
  City: varchar("city", { length: 50 }),
  Ready: boolean("ready").notNull().default(false),
  OrderDetailCount: integer("order_detail_count").notNull().default(0),
  CloneFromOrder: integer("clone_from_order"),
  Notes: text("notes"),
}, (t) => [
  foreignKey({ name: "order_location_fk", columns: [t.Country, t.City], foreignColumns: [Location.Country, Location.City] })
    .onUpdate("cascade").onDelete("set null"),
  foreignKey({ name: "order_clone_from_order_fk", columns: [t.CloneFromOrder], foreignColumns: [t.Id] }),
  index("order_customer_id_idx").on(t.CustomerId),
  index("order_employee_id_idx").on(t.EmployeeId),
]);

export const OrderDetail = pgTable("order_detail", {
  Id: serial("id").primaryKey(),
  OrderId: integer("order_id").notNull().references(() => Order.Id, { onDelete: "cascade" }),
  ProductId: integer("product_id").notNull().references(() => Product.Id),
  UnitPrice: money("unit_price").notNull().default("0"),
  Quantity: integer("quantity").notNull().default(1),
  Discount: numeric("discount", { precision: 4, scale: 3 }).default("0"),
  Amount: money("amount").notNull().default("0"),
  ShippedDate: date("shipped_date"),
}, (t) => [
  index("order_detail_order_id_idx").on(t.OrderId),
  index("order_detail_product_id_idx").on(t.ProductId),
]);

export const SampleDbVersion = pgTable("sample_db_version", {
  Id: serial("id").primaryKey(),
  Notes: varchar("notes", { length: 800 }),
});

/**
 * Login accounts; `CustomerId` ties a customer-role user to its Customer row.
 * A disabled user cannot sign in; `TokenVersion` is set by triggers (token-version.ts)
 * and revokes the user's tokens whenever its password, status, claims or roles change.
 */
export const User = pgTable("app_user", {
  Id: varchar("id", { length: 64 }).primaryKey(),
  Name: varchar("name", { length: 128 }),
  ClientId: integer("client_id"),
  Username: varchar("username", { length: 128 }).notNull().unique(),
  PasswordHash: varchar("password_hash", { length: 200 }).notNull(),
  Region: varchar("region", { length: 32 }),
  CustomerId: varchar("customer_id", { length: 16 }).references(() => Customer.Id),
  Disabled: boolean("disabled").notNull().default(false),
  TokenVersion: bigint("token_version", { mode: "number" }).notNull().default(0),
});

export const Role = pgTable("app_role", {
  Name: varchar("name", { length: 64 }).primaryKey(),
});

export const UserRole = pgTable("app_user_role", {
  UserId: varchar("user_id", { length: 64 }).notNull().references(() => User.Id, { onDelete: "cascade" }),
  RoleName: varchar("role_name", { length: 32 }).notNull().references(() => Role.Name, { onDelete: "cascade" }),
  Notes: text("notes"),
}, (t) => [primaryKey({ columns: [t.UserId, t.RoleName] })]);
