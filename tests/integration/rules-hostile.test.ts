/**
 * The golden hostile spec run on real Postgres: the generated SQL applies (twice,
 * it is idempotent), every rule kind behaves, messages render with quotes and
 * percent signs intact, recompute restores derived columns, removed rules stop firing.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { compileRules, defineRules, recompute } from "../../src/engine/rules";
import { HOSTILE_DDL, hostileRules } from "../golden/rules-hostile.schema";
import { cloneDatabase, type TestDatabase } from "../support/test-database";

const compiled = compileRules(hostileRules);
let db: TestDatabase;

beforeAll(async () => {
  db = await cloneDatabase("template0");
  await db.sql.unsafe(HOSTILE_DDL);
  await db.sql.unsafe(compiled.sql);
  await db.sql.unsafe(compiled.sql);
});
afterAll(async () => { await db.drop(); });

async function newOrder(limit = 100): Promise<number> {
  const [row] = await db.sql<{ id: number }[]>`insert into "order" ("limit") values (${limit}) returning id`;
  return row!.id;
}

async function newGroup(name: string, price: string, stock = 100): Promise<number> {
  const [row] = await db.sql<{ id: number }[]>`insert into "group" (name, "price$fn$", stock) values (${name}, ${price}, ${stock}) returning id`;
  return row!.id;
}

async function orderRow(id: number) {
  const [row] = await db.sql`select "a""b" as total, "select" as lines from "order" where id = ${id}`;
  return row;
}

describe("hostile names on real Postgres", () => {
  test("copy, formulas, sum, count and adjustBy on insert", async () => {
    const [order, group] = [await newOrder(), await newGroup("G1", "2.50")];
    const [line] = await db.sql`insert into "order line" ("order id", "group", qty) values (${order}, ${group}, 4)
      returning "price$fn$" as price, amount, label`;
    expect(line).toEqual({ price: "2.50", amount: "10.00", label: "G1" });
    expect(await orderRow(order)).toEqual({ total: "10.00", lines: 1 });
    const [g] = await db.sql`select used, stock from "group" where id = ${group}`;
    expect(g).toEqual({ used: 4, stock: 96 });
  });

  test("a null foreign key adjusts no parent; setting it later adds the row", async () => {
    const [order, group] = [await newOrder(), await newGroup("G0", "1.50")];
    const [line] = await db.sql`insert into "order line" ("order id", "group", qty) values (null, ${group}, 2) returning id`;
    expect(await orderRow(order)).toEqual({ total: "0.00", lines: 0 });
    await db.sql`update "order line" set "order id" = ${order} where id = ${line!.id}`;
    expect(await orderRow(order)).toEqual({ total: "3.00", lines: 1 });
    await db.sql`update "order line" set "order id" = null where id = ${line!.id}`;
    expect(await orderRow(order)).toEqual({ total: "0.00", lines: 0 });
  });

  test("where flips out with a value change in one UPDATE: the old value leaves", async () => {
    const [order, group] = [await newOrder(), await newGroup("G4", "2.50")];
    const [line] = await db.sql`insert into "order line" ("order id", "group", qty) values (${order}, ${group}, 4) returning id`;
    await db.sql`update "order line" set qty = -1 where id = ${line!.id}`;
    expect(await orderRow(order)).toEqual({ total: "0.00", lines: 1 });
    await db.sql`update "order line" set qty = 3 where id = ${line!.id}`;
    expect(await orderRow(order)).toEqual({ total: "7.50", lines: 1 });
  });

  test("a parent column change cascades to the children's formula", async () => {
    const [order, group] = [await newOrder(), await newGroup("old name", "1.00")];
    await db.sql`insert into "order line" ("order id", "group", qty) values (${order}, ${group}, 1)`;
    await db.sql`update "group" set name = 'new name' where id = ${group}`;
    const [line] = await db.sql`select label from "order line" where "group" = ${group}`;
    expect(line?.label).toBe("new name");
  });

  test("parentCheck raises 23503 with its message", async () => {
    const order = await newOrder();
    const err = await db.sql`insert into "order line" ("order id", "group", qty) values (${order}, 999999, 1)`.catch((e) => e);
    expect(err.code).toBe("23503");
    expect(err.message).toBe("no group 999999; it's gone");
    expect(err.constraint_name).toBe("order line_group_parent");
  });

  test("the constraint fails at commit with quotes, percent and braces intact", async () => {
    const [order, group] = [await newOrder(), await newGroup("G2", "2.50")];
    const err = await db.sql.begin(async (tx) => {
      await tx`insert into "order line" ("order id", "group", qty) values (${order}, ${group}, 100)`;
      await tx`insert into "order line" ("order id", "group", qty) values (${order}, ${group}, 4)`;
    }).catch((e) => e);
    expect(err.code).toBe("23514");
    expect(err.message).toBe("total 260.00 over '100.00' $fn$ {literal} for 2 lines");
    expect(err.constraint_name).toBe("it's 100%\nsure");
    expect(await orderRow(order)).toEqual({ total: "0.00", lines: 0 });
  });

  test("recompute restores derived columns with ALTER TABLE … DISABLE TRIGGER USER", async () => {
    const [order, group] = [await newOrder(), await newGroup("G3", "3.00")];
    await db.sql`insert into "order line" ("order id", "group", qty) values (${order}, ${group}, 2)`;
    await db.sql`update "order" set "a""b" = 0, "select" = 7 where id = ${order}`;
    const report = await recompute(db.sql, compiled.recompute, { mode: "alter-table" });
    expect(report.mode).toBe("alter-table");
    expect(await orderRow(order)).toEqual({ total: "6.00", lines: 1 });
    expect(report.skipped.map((s) => s.rule).sort()).toEqual(["group_stock", "order line_price$fn$"]);
    const [triggers] = await db.sql`select count(*)::int as n from pg_trigger where tgname like 'rules\\_%' and tgenabled = 'D'`;
    expect(triggers?.n).toBe(0);
  });

  test("re-applying a smaller spec drops the removed rule's triggers", async () => {
    const smaller = compileRules(defineRules({ source: "test" }, hostileRules.rules.filter((r) => r.kind !== "formula")));
    await db.sql.unsafe(smaller.sql);
    const names = await db.sql<{ tgname: string }[]>`select tgname from pg_trigger where tgname like 'rules\\_%' order by 1`;
    expect(names.map((n) => n.tgname)).not.toContain("rules_group_cascade_upd");
    expect(names.map((n) => n.tgname)).toContain("rules_order line_rollup_upd");
    await db.sql.unsafe(compiled.sql);
  });
});
