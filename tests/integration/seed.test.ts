/** The seed loads the Northwind sample faithfully into real Postgres. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cloneDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => { db = await cloneDatabase(); });
afterAll(async () => { await db.drop(); });

describe("Northwind seed", () => {
  test("row counts match the sample", async () => {
    const [counts] = await db.sql`select
      (select count(*)::int from customer) as customers,
      (select count(*)::int from "order") as orders,
      (select count(*)::int from order_detail) as details,
      (select count(*)::int from product) as products,
      (select count(*)::int from employee) as employees`;
    expect(counts).toEqual({ customers: 95, orders: 830, details: 2155, products: 77, employees: 11 });
  });

  test("spot values: ALFKI credit, Chai and Chang prices, employee 5", async () => {
    const [alfki] = await db.sql`select credit_limit from customer where id = 'ALFKI'`;
    expect(alfki?.credit_limit).toBe("2300.00");
    const prices = await db.sql`select product_name, unit_price from product where id in (1, 2) order by id`;
    expect(prices.map((p) => [p.product_name, p.unit_price])).toEqual([["Chai", "18.00"], ["Chang", "19.00"]]);
    const [emp] = await db.sql`select first_name, last_name from employee where id = 5`;
    expect(emp).toEqual({ first_name: "Steven", last_name: "Buchanan" });
  });

  test("Chang is carbon neutral, Chai is not", async () => {
    const rows = await db.sql`select product_name, carbon_neutral from product where id in (1, 2) order by id`;
    expect(rows.map((r) => r.carbon_neutral)).toEqual([false, true]);
  });

  test("self-references survive load order (Employee.ReportsTo, Department parent)", async () => {
    const [nancy] = await db.sql`select reports_to from employee where id = 1`;
    expect(nancy?.reports_to).toBe(2);
    const [sales] = await db.sql`select department_id from department where id = 2`;
    expect(sales?.department_id).toBe(1);
  });

  test("demo passwords are argon2id hashes, never plain text", async () => {
    const users = await db.sql`select id, password_hash, customer_id from app_user order by id`;
    expect(users.length).toBe(12);
    for (const u of users) {
      expect(u.password_hash).toStartWith("$argon2id$");
      expect(await Bun.password.verify("p", u.password_hash)).toBe(true);
    }
    expect(users.find((u) => u.id === "ALFKI")?.customer_id).toBe("ALFKI");
    expect(users.find((u) => u.id === "admin")?.customer_id).toBeNull();
  });

  test("sequences continue after the loaded ids", async () => {
    const [row] = await db.sql`insert into shipper (company_name) values ('Next Day') returning id`;
    expect(row?.id).toBe(4);
  });
});
