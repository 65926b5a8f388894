/**
 * Northwind rules on the seeded sample: the recomputed seed, the green discount,
 * credit failing at COMMIT with the rule's message, `where` flips, orders inserted
 * before their items, the empty-order rule, parent checks and the logic log.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import postgres from "postgres";
import { recomputeNorthwind } from "../../src/northwind/recompute";
import { cloneDatabase, type TestDatabase } from "../support/test-database";
import { rulesFixtures } from "./rules-fixtures";

const CHAI = 1;
const CHANG = 2;

let db: TestDatabase;
let f: ReturnType<typeof rulesFixtures>;
beforeAll(async () => {
  db = await cloneDatabase();
  f = rulesFixtures(db.sql);
});
afterAll(async () => { await db.drop(); });

describe("the seeded database after recompute", () => {
  test("ALFKI: balance 1748.00 (the CSV said 2102: its amounts ignore the discounts), 6 orders, 2 unpaid", async () => {
    expect(await f.customerRow("ALFKI")).toEqual({ balance: "1748.00", order_count: 6, unpaid_order_count: 2 });
  });

  test("Chai: UnitsShipped is the shipped quantity; UnitsInStock is stateful and kept", async () => {
    const [expected] = await db.sql`select sum(d.quantity)::int as n from order_detail d
      join "order" o on o.id = d.order_id where d.product_id = ${CHAI} and o.shipped_date is not null`;
    expect(await f.productRow(CHAI)).toEqual({ units_shipped: expected?.n, units_in_stock: 39 });
  });

  test("every stored total equals its rule recomputed from the rows", async () => {
    const [bad] = await db.sql`select
      (select count(*)::int from "order" o where o.amount_total <> (select coalesce(sum(amount), 0) from order_detail where order_id = o.id)
         or o.order_detail_count <> (select count(*) from order_detail where order_id = o.id)) as orders,
      (select count(*)::int from customer c where c.balance <> (select coalesce(sum(amount_total), 0) from "order"
         where customer_id = c.id and shipped_date is null)) as customers`;
    expect(bad).toEqual({ orders: 0, customers: 0 });
  });

  test("recompute reports QUEE as over credit instead of failing, and changes nothing the second time", async () => {
    const report = await recomputeNorthwind(db);
    expect(report.violations).toEqual([
      { rule: "customer_credit", table: "customer", key: "QUEE", message: "balance (2027.08) exceeds credit (100.00)" },
    ]);
    expect(report.updated.every((u) => u.rows === 0)).toBe(true);
    expect(report.skipped.map((s) => s.rule).sort()).toEqual(["order_detail_unit_price", "product_units_in_stock"]);
  });
});

describe("green discount", () => {
  test("10% off carbon-neutral products from 10 units (Chang 19.00), not below, not for others", async () => {
    const customer = await f.customer(10_000);
    const { details } = await f.order(customer, [[CHANG, 9], [CHANG, 10], [CHANG, 11], [CHAI, 10]]);
    const amounts = await Promise.all(details.map(async (d) => (await f.detailRow(d))?.amount));
    expect(amounts).toEqual(["171.00", "171.00", "188.10", "180.00"]);
  });
});

describe("credit check at commit", () => {
  test("2000 Chang for ALFKI fails at COMMIT with 23514 and leaves nothing changed", async () => {
    const before = await db.sql`select (select count(*)::int from "order") as orders, (select units_in_stock from product where id = ${CHANG}) as chang`;
    let statementsDone = false;
    const err = await db.sql.begin(async (tx) => {
      const [order] = await tx`insert into "order" (customer_id, employee_id, ready) values ('ALFKI', 1, true) returning id`;
      await tx`insert into order_detail (order_id, product_id, quantity) values (${order!.id}, ${CHANG}, 2000)`;
      statementsDone = true;
    }).catch((e) => e);
    expect(statementsDone).toBe(true);
    expect(err.code).toBe("23514");
    expect(err.message).toBe("balance (35948.00) exceeds credit (2300.00)");
    expect(err.constraint_name).toBe("customer_credit");
    expect(await f.customerRow("ALFKI")).toEqual({ balance: "1748.00", order_count: 6, unpaid_order_count: 2 });
    const after = await db.sql`select (select count(*)::int from "order") as orders, (select units_in_stock from product where id = ${CHANG}) as chang`;
    expect(after).toEqual(before);
  });

  test("a transaction may go over credit and back before it commits", async () => {
    const customer = await f.customer(100);
    const p = await f.product("60.00");
    await db.sql.begin(async (tx) => {
      const [o] = await tx`insert into "order" (customer_id, employee_id, ready) values (${customer}, 1, true) returning id`;
      const [d] = await tx`insert into order_detail (order_id, product_id, quantity) values (${o!.id}, ${p}, 3) returning id`;
      await tx`update order_detail set quantity = 1 where id = ${d!.id}`;
    });
    expect((await f.customerRow(customer))?.balance).toBe("60.00");
  });
});

describe("where flips and re-parenting", () => {
  test("moving an item to another customer's order with a new quantity: old minus old, new plus new", async () => {
    const [a, b] = [await f.customer(), await f.customer()];
    const p = await f.product("10.00");
    const from = await f.order(a, [[p, 2], [p, 1]]);
    const to = await f.order(b, [[p, 1]]);
    await db.sql`update order_detail set order_id = ${to.orderId}, quantity = 5 where id = ${from.details[0]!}`;
    expect(await f.orderRow(from.orderId)).toEqual({ amount_total: "10.00", order_detail_count: 1 });
    expect(await f.orderRow(to.orderId)).toEqual({ amount_total: "60.00", order_detail_count: 2 });
    expect((await f.customerRow(a))?.balance).toBe("10.00");
    expect((await f.customerRow(b))?.balance).toBe("60.00");
  });


  test("flip in with a value change in one UPDATE adds the new value; flip out subtracts the old", async () => {
    const customer = await f.customer();
    const p = await f.product("1.00", { stock: 100 });
    const { details } = await f.order(customer, [[p, 3]]);
    const d = details[0]!;
    await db.sql`update order_detail set quantity = 7, shipped_date = '2024-01-01' where id = ${d}`;
    expect(await f.productRow(p)).toEqual({ units_shipped: 7, units_in_stock: 93 });
    await db.sql`update order_detail set quantity = 2, shipped_date = null where id = ${d}`;
    expect(await f.productRow(p)).toEqual({ units_shipped: 0, units_in_stock: 100 });
  });

  test("shipping flips with a move to another customer in one UPDATE", async () => {
    const [a, b] = [await f.customer(), await f.customer()];
    const p = await f.product("5.00");
    const { orderId } = await f.order(a, [[p, 2]], { ready: false });
    expect(await f.customerRow(a)).toEqual({ balance: "10.00", order_count: 1, unpaid_order_count: 1 });
    await db.sql`update "order" set shipped_date = '2026-01-02', customer_id = ${b} where id = ${orderId}`;
    expect(await f.customerRow(a)).toEqual({ balance: "0.00", order_count: 0, unpaid_order_count: 0 });
    expect(await f.customerRow(b)).toEqual({ balance: "0.00", order_count: 1, unpaid_order_count: 0 });
    await db.sql`update "order" set shipped_date = null, customer_id = ${a} where id = ${orderId}`;
    expect(await f.customerRow(a)).toEqual({ balance: "10.00", order_count: 1, unpaid_order_count: 1 });
    expect(await f.customerRow(b)).toEqual({ balance: "0.00", order_count: 0, unpaid_order_count: 0 });
  });
});

describe("multi-row statements", () => {
  /** Orders and customers whose stored totals differ from their rules recomputed from the rows. */
  async function drift(customers: string[]) {
    const [row] = await db.sql`select
      (select count(*)::int from "order" o where o.customer_id = any(${customers})
         and (o.amount_total <> (select coalesce(sum(amount), 0) from order_detail where order_id = o.id)
           or o.order_detail_count <> (select count(*) from order_detail where order_id = o.id))) as orders,
      (select count(*)::int from customer c where c.id = any(${customers}) and (
         c.balance <> (select coalesce(sum(amount_total), 0) from "order" where customer_id = c.id and shipped_date is null)
         or c.order_count <> (select count(*) from "order" where customer_id = c.id)
         or c.unpaid_order_count <> (select count(*) from "order" where customer_id = c.id and shipped_date is null))) as customers`;
    return row;
  }

  test("insert, value change, where flip, re-parent and delete over many rows keep every total exact", async () => {
    const customers = [await f.customer(100_000), await f.customer(100_000), await f.customer(100_000)];
    const p = await f.product("3.00", { stock: 1000 });
    const orders = await Promise.all(customers.map((c) => f.order(c, [[p, 1]])));
    const ids = orders.map((o) => o.orderId);
    await db.sql`insert into order_detail (order_id, product_id, quantity)
      select o, ${p}, q from unnest(${ids}::int[]) o, generate_series(1, 4) q`;
    expect(await drift(customers)).toEqual({ orders: 0, customers: 0 });
    await db.sql`update order_detail set quantity = quantity + 1 where order_id = any(${ids}) and quantity > 2`;
    await db.sql`update "order" set ready = not ready where id = any(${ids.slice(0, 2)})`;
    // Every order moves to the next customer in one statement; details move between orders too.
    await db.sql`update "order" o set customer_id = v.c from unnest(${ids}::int[], ${[customers[1]!, customers[2]!, customers[0]!]}::text[]) v(id, c)
      where o.id = v.id`;
    await db.sql`update order_detail set order_id = case order_id when ${ids[0]!}::int then ${ids[1]!}::int else ${ids[0]!}::int end
      where order_id = any(${ids.slice(0, 2)}) and quantity = 1`;
    expect(await drift(customers)).toEqual({ orders: 0, customers: 0 });
    await db.sql`update "order" set shipped_date = '2024-01-01' where id = any(${ids})`;
    expect(await f.productRow(p)).toEqual({ units_shipped: 3 * (1 + 1 + 2 + 4 + 5), units_in_stock: 1000 - 3 * 13 });
    await db.sql`delete from order_detail where order_id = ${ids[2]!} and quantity > 1`;
    expect(await drift(customers)).toEqual({ orders: 0, customers: 0 });
    expect(await f.orderRow(ids[2]!)).toEqual({ amount_total: "6.00", order_detail_count: 2 });
  });
});

describe("empty orders", () => {
  test("a ready order inserted before its items in one transaction commits", async () => {
    const customer = await f.customer();
    const { orderId } = await f.order(customer, [[CHAI, 1]]);
    expect(await f.orderRow(orderId)).toEqual({ amount_total: "18.00", order_detail_count: 1 });
  });

  test("a ready order without items fails at commit", async () => {
    const customer = await f.customer();
    const err = await f.order(customer, []).catch((e) => e);
    expect(err.code).toBe("23514");
    expect(err.message).toBe("Empty Order - Cannot Ship or Make Ready");
    expect(err.constraint_name).toBe("order_not_empty");
  });

  test("an empty draft may exist but not be shipped; removing the last item of a ready order fails", async () => {
    const customer = await f.customer();
    const { orderId } = await f.order(customer, [], { ready: false });
    const ship = await db.sql`update "order" set shipped_date = '2024-01-01' where id = ${orderId}`.catch((e) => e);
    expect(ship.message).toBe("Empty Order - Cannot Ship or Make Ready");
    const { details } = await f.order(customer, [[CHAI, 1]]);
    const remove = await db.sql`delete from order_detail where id = ${details[0]!}`.catch((e) => e);
    expect(remove.message).toBe("Empty Order - Cannot Ship or Make Ready");
  });
});

describe("parent checks, security and the logic log", () => {
  test("an item for a missing product is refused with a clear message", async () => {
    const customer = await f.customer();
    const err = await f.order(customer, [[999999, 1]]).catch((e) => e);
    expect(err.code).toBe("23503");
    expect(err.message).toBe("order_detail.product_id (999999) references no existing product");
  });

  test("every rule function is SECURITY DEFINER with a pinned search_path", async () => {
    const fns = await db.sql`select proname, prosecdef, proconfig from pg_proc where proname like 'rules\\_%' order by 1`;
    expect(fns.length).toBeGreaterThan(5);
    for (const fn of fns) {
      expect(fn.prosecdef).toBe(true);
      expect(fn.proconfig).toEqual(["search_path=public, pg_temp"]);
    }
  });

  test("rule triggers log old -> new at DEBUG only", async () => {
    const customer = await f.customer();
    const notices: string[] = [];
    const client = postgres(db.url, { max: 1, onnotice: (n) => notices.push(String(n.message)) });
    try {
      await client`insert into "order" (customer_id, employee_id) values (${customer}, 1)`;
      expect(notices).toEqual([]);
      await client`set client_min_messages = debug1`;
      await client`insert into "order" (customer_id, employee_id) values (${customer}, 1)`;
      expect(notices).toContain(`rule customer_order_count: customer[${customer}] order_count 1 -> 2`);
    } finally {
      await client.end();
    }
  });
});
