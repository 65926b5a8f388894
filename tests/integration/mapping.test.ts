/** The declarative mapper on real Postgres: renames, lookups, nesting, errors, and SQL-built documents. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { documentQuery, documentSchema, insertDocument } from "../../src/engine/mapping";
import { ApiError } from "../../src/engine/http/errors";
import { ORDER_SHIPPING_ENVELOPE, orderB2BMapping, orderShippingMapping } from "../../src/northwind/mappers";
import { cloneDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => { db = await cloneDatabase(); });
afterAll(async () => { await db.drop(); });

const sample = {
  AccountId: "ALFKI", Surname: "Buchanan", Given: "Steven",
  Items: [{ ProductName: "Chai", QuantityOrdered: 1 }, { ProductName: "Chang", QuantityOrdered: 2 }],
};

/** Runs in a transaction that always rolls back, so tests leave no rows behind. */
async function attempt<T>(fn: (tx: Parameters<Parameters<TestDatabase["db"]["transaction"]>[0]>[0]) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await db.db.transaction(async (tx) => {
    result = await fn(tx);
    tx.rollback();
  }).catch((e: unknown) => {
    if ((e as Error).message !== "Rollback") throw e;
  });
  return result as T;
}

describe("inbound document → rows", () => {
  test("schema accepts the sample and rejects wrong types and unknown keys", () => {
    const schema = documentSchema(orderB2BMapping);
    expect(schema.safeParse(sample).success).toBe(true);
    const wrong = schema.safeParse({ ...sample, Items: [{ ProductName: "Chai", QuantityOrdered: "one" }] });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(["Items", 0, "QuantityOrdered"]);
    expect(schema.safeParse({ ...sample, Discount: 5 }).success).toBe(false);
    expect(schema.safeParse({ ...sample, Items: [] }).success).toBe(false);
  });

  test("lookups set foreign keys; fields are renamed; children nest; constants apply", async () => {
    const written = await attempt((tx) => insertDocument(tx, orderB2BMapping, sample));
    expect(written.row).toMatchObject({ CustomerId: "ALFKI", EmployeeId: 5, Ready: true });
    const items = written.children.Items!;
    expect(items.map((i) => [i.row.ProductId, i.row.Quantity, i.row.OrderId]))
      .toEqual([[1, 1, written.row.Id], [2, 2, written.row.Id]]);
  });

  test("an unknown product names the path and value", async () => {
    const bad = { ...sample, Items: [sample.Items[0]!, { ProductName: "Chaii", QuantityOrdered: 1 }] };
    const error = await attempt((tx) => insertDocument(tx, orderB2BMapping, bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('Items[1].ProductName: no Product named "Chaii"');
    expect((error as ApiError).source).toEqual({ pointer: "/Items/1/ProductName" });
    expect((error as ApiError).status).toBe(422);
  });

  test("a two-column key that matches nobody names both columns", async () => {
    const error = await attempt((tx) => insertDocument(tx, orderB2BMapping, { ...sample, Given: "Stephen" }))
      .catch((e: unknown) => e as ApiError);
    expect((error as ApiError).message).toBe('Surname/Given: no Employee with LastName "Buchanan" and FirstName "Stephen"');
  });

  test("a key matching several parents is refused", async () => {
    const error = await attempt(async (tx) => {
      await tx.execute(`insert into employee (last_name, first_name) values ('Buchanan', 'Steven')` as never);
      return insertDocument(tx, orderB2BMapping, sample);
    }).catch((e: unknown) => e as ApiError);
    expect((error as ApiError).message).toStartWith("Surname/Given: more than one Employee with LastName");
  });
});

describe("outbound rows → document (built in SQL)", () => {
  test("order 10643 as OrderShipping, with parent fields merged into items (its lines are 25% off)", async () => {
    const [row] = await db.sql.unsafe(documentQuery(orderShippingMapping, ORDER_SHIPPING_ENVELOPE), [10643]);
    expect(row?.document).toEqual({
      Order: {
        Id: 10643, Total: 814.5, "Order Date": "2013-08-25", CustomerId: "ALFKI",
        Items: [
          { OrderId: 10643, ProductName: "Rössle Sauerkraut", UnitsInStock: 26, Quantity: 15, Amount: 513, UnitPrice: 45.6 },
          { OrderId: 10643, ProductName: "Chartreuse verte", UnitsInStock: 69, Quantity: 21, Amount: 283.5, UnitPrice: 18 },
          { OrderId: 10643, ProductName: "Spegesild", UnitsInStock: 95, Quantity: 2, Amount: 18, UnitPrice: 12 },
        ],
      },
    });
  });
});
