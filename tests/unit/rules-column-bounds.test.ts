/**
 * columnBounds reads single-column numeric limits off constraint rules (so the
 * B2B schema can refuse a value up front), flips `literal op column`, and
 * ignores constraints that compare columns with each other.
 */
import { describe, expect, test } from "bun:test";
import { columnBounds, constraint, defineRules, e } from "../../src/engine/rules";
import { northwindRules } from "../../src/northwind/rules";
import { Customer, OrderDetail } from "../../src/northwind/schema";

describe("columnBounds", () => {
  test("Northwind: Quantity > 0 and 0 ≤ Discount < 1; the credit check (column vs column) gives none", () => {
    const bounds = columnBounds(northwindRules);
    expect(bounds.get(OrderDetail.Quantity)).toEqual({ gt: 0 });
    expect(bounds.get(OrderDetail.Discount)).toEqual({ gte: 0, lt: 1 });
    expect(bounds.has(Customer.Balance)).toBe(false);
    expect(bounds.has(Customer.CreditLimit)).toBe(false);
  });

  test("`literal op column` is read as the column's bound; or-conditions add none", () => {
    const bounds = columnBounds(defineRules({ source: "test" }, [
      constraint("a", OrderDetail, e.gte(100, OrderDetail.Quantity), "q"),
      constraint("b", OrderDetail, e.or(e.gt(OrderDetail.Discount, 0), e.isNull(OrderDetail.Discount)), "d"),
    ]));
    expect(bounds.get(OrderDetail.Quantity)).toEqual({ lte: 100 });
    expect(bounds.has(OrderDetail.Discount)).toBe(false);
  });
});
