/**
 * The dev/test seed: the classic Northwind CSVs (data/northwind) loaded into an
 * empty database, demo logins with argon2id hashes, and the green products.
 * Rule triggers stay off while loading; the caller recomputes derived columns after.
 */
import { join } from "node:path";
import { count, sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { quoteIdent } from "../engine/sql/quote";
import { loadCsvTable, resetSequences, type CsvTableLoad } from "../engine/seed/load-csv";
import * as t from "./schema";

export const NORTHWIND_DATA_DIR = join(import.meta.dir, "../../data/northwind");

/** Products flagged CarbonNeutral for the green-discount rule (not in the sample data). */
export const CARBON_NEUTRAL_PRODUCTS = ["Chang", "Guaraná Fantástica", "Steeleye Stout", "Outback Lager", "Tofu"];

const DEMO_PASSWORD_FIELD = "PasswordHash";

function loads(dir: string): CsvTableLoad[] {
  const file = (name: string) => join(dir, `${name}.csv`);
  return [
    { table: t.Category, file: file("Category"), rename: { CategoryName_ColumnName: "CategoryName" } },
    { table: t.Customer, file: file("Customer") },
    { table: t.Department, file: file("Department") },
    { table: t.Union, file: file("Union") },
    { table: t.Employee, file: file("Employee") },
    { table: t.EmployeeAudit, file: file("EmployeeAudit") },
    { table: t.Region, file: file("Region") },
    { table: t.Territory, file: file("Territory") },
    { table: t.EmployeeTerritory, file: file("EmployeeTerritory") },
    { table: t.Location, file: file("Location") },
    { table: t.Shipper, file: file("Shipper") },
    { table: t.Supplier, file: file("Supplier") },
    {
      table: t.Product, file: file("Product"),
      transform: (row) => ({ ...row, CarbonNeutral: CARBON_NEUTRAL_PRODUCTS.includes(String(row.ProductName)) }),
    },
    { table: t.Order, file: file("Order") },
    { table: t.OrderDetail, file: file("OrderDetail") },
    { table: t.SampleDbVersion, file: file("SampleDBVersion") },
    { table: t.Role, file: file("Role") },
    { table: t.User, file: file("User"), transform: hashDemoPassword },
    { table: t.UserRole, file: file("UserRole") },
  ];
}

/** Sample users log in with their id; a user whose id is a Customer id acts for it. */
async function hashDemoPassword(row: Record<string, unknown>): Promise<Record<string, unknown>> {
  const plain = String(row[DEMO_PASSWORD_FIELD]);
  const customerId = typeof row.Id === "string" && /^[A-Z]{4,5}$/.test(row.Id) ? row.Id : null;
  return {
    ...row,
    [DEMO_PASSWORD_FIELD]: await Bun.password.hash(plain, { algorithm: "argon2id" }),
    CustomerId: customerId,
  };
}

export async function isSeeded(db: PostgresJsDatabase): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(t.Customer);
  return (row?.n ?? 0) > 0;
}

/** Loads every CSV in one transaction with user triggers (the rules) disabled. */
export async function seedNorthwind(db: PostgresJsDatabase, log: (line: string) => void = () => {},
  dir = NORTHWIND_DATA_DIR): Promise<void> {
  const plan = loads(dir);
  await db.transaction(async (tx) => {
    await setUserTriggers(tx, plan.map((p) => p.table), "disable");
    for (const load of plan) {
      const n = await loadCsvTable(tx, load);
      await resetSequences(tx, load.table);
      log(`seed: ${n} rows from ${load.file.split("/").pop()}`);
    }
    await addDemoPartner(tx);
    log("seed: demo partner login (partner/p) for the B2B endpoint");
    await setUserTriggers(tx, plan.map((p) => p.table), "enable");
  });
}

async function setUserTriggers(db: PostgresJsDatabase, tables: PgTable[], mode: "enable" | "disable"): Promise<void> {
  for (const table of tables) {
    const name = quoteIdent(getTableConfig(table).name);
    await db.execute(sql.raw(`alter table ${name} ${mode} trigger user`));
  }
}

/** The sample has no B2B partner; the demo adds one so OrderB2B can be tried with partner/p. */
async function addDemoPartner(db: PostgresJsDatabase): Promise<void> {
  await db.insert(t.Role).values({ Name: "partner" }).onConflictDoNothing();
  await db.insert(t.User).values({ Id: "partner", Name: "B2B partner", Username: "partner",
    PasswordHash: await Bun.password.hash("p", { algorithm: "argon2id" }) }).onConflictDoNothing();
  await db.insert(t.UserRole).values({ UserId: "partner", RoleName: "partner" }).onConflictDoNothing();
}
