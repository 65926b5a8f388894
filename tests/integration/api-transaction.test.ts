/**
 * runInTransaction, the one door of API statements to the database: all or
 * nothing, pipelined statements share one snapshot, and the request's
 * dbSession (role, claims) is applied before the first statement.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Context } from "hono";
import { runInTransaction, type DbSession } from "../../src/engine/api";
import { insertRow } from "../../src/engine/api/sql/build-write";
import { selectByKey } from "../../src/engine/api/sql/build-select";
import { northwindResources as registry } from "../../src/northwind/api";
import { cloneDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
beforeAll(async () => { database = await cloneDatabase(); });
afterAll(() => database.drop());

const context = (dbSession?: DbSession) => ({ var: { dbSession } }) as unknown as Context;
const region = registry.require("Region");
const description = region.attribute.get("RegionDescription")!;

describe("runInTransaction", () => {
  test("a failure after a write rolls the write back", async () => {
    const attempt = runInTransaction(context(), database, async (tx) => {
      const [row] = await tx.run(insertRow(region, [{ attribute: description, value: "rolled back" }]));
      expect(row?.RegionDescription).toBe("rolled back");
      throw new Error("boom");
    });
    await expect(attempt).rejects.toThrow("boom");
    const [row] = await database.sql`select count(*)::int as n from region where region_description = 'rolled back'`;
    expect(row?.n).toBe(0);
  });

  test("statements sent together are pipelined and answer in order", async () => {
    const rows = await runInTransaction(context(), database, (tx) =>
      Promise.all([1, 2, 3, 4].map((id) => tx.run(selectByKey(region, [id])))), { readOnly: true });
    expect(rows.map((r) => r[0]?.Id)).toEqual([1, 2, 3, 4]);
  });

  test("dbSession becomes the transaction's role and claims; a bad role is reported as itself", async () => {
    await database.sql`select set_config('request.jwt.claims', '', false)`;
    const others = await runInTransaction(context({ role: "nw_customer", claims: { customer_id: "ALFKI", sub: "x" } }), database,
      (tx) => tx.run(selectByKey(registry.require("Customer"), ["ANATR"])), { readOnly: true });
    expect(others).toEqual([]);
    const own = await runInTransaction(context({ role: "nw_customer", claims: { customer_id: "ALFKI", sub: "x" } }), database,
      (tx) => tx.run(selectByKey(registry.require("Customer"), ["ALFKI"])), { readOnly: true });
    expect(own.length).toBe(1);
    const bad = runInTransaction(context({ role: "no_such_role" }), database, (tx) => tx.run(selectByKey(region, [1])));
    await expect(bad).rejects.toMatchObject({ code: "22023" });
  });
});
