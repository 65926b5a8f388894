/**
 * Rule-spec mistakes come back as diagnostics naming the rule, all at once, never
 * as a stack trace; and the typed builder rejects wrong tables and types at
 * compile time (the @ts-expect-error lines are checked by `tsc`).
 */
import { describe, expect, test } from "bun:test";
import { sql } from "drizzle-orm";
import {
  adjustBy, compileRules, constraint, copy, count, defineRules, e, formula, RuleCompileError, sum, type RuleSpec,
} from "../../src/engine/rules";
import { Customer, Department, Employee, Order, OrderDetail, Product } from "../../src/northwind/schema";

function diagnose(rules: RuleSpec[]): { rule: string; message: string }[] {
  try {
    compileRules(defineRules({ source: "test" }, rules));
  } catch (err) {
    if (err instanceof RuleCompileError) return [...err.diagnostics];
    throw err;
  }
  return [];
}

describe("rule diagnostics", () => {
  test("a cycle across tables names the rules on it", () => {
    const found = diagnose([
      sum(Order.AmountTotal, { of: OrderDetail.Amount }),
      formula(OrderDetail.Amount, Order.AmountTotal),
    ]);
    expect(found).toEqual([{
      rule: "order_amount_total",
      message: "cycle in derived columns: order_amount_total (order.amount_total) → "
        + "order_detail_amount (order_detail.amount) → order_amount_total (order.amount_total)",
    }]);
  });

  test("a cycle within one table", () => {
    const found = diagnose([formula(Customer.Balance, Customer.CreditLimit), formula(Customer.CreditLimit, Customer.Balance)]);
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining("cycle in derived columns")]);
  });

  test("unknown column in a message template lists the known keys", () => {
    const [d] = diagnose([constraint("credit", Customer, e.lte(Customer.Balance, Customer.CreditLimit), "over by {Balanse}")]);
    expect(d?.rule).toBe("credit");
    expect(d?.message).toStartWith("unknown column {Balanse} in message; known: Id, CompanyName,");
  });

  test("unknown column: a formula reading a table that is not a parent", () => {
    expect(diagnose([formula(OrderDetail.Amount, Customer.Balance)])).toEqual([{
      rule: "order_detail_amount",
      message: "unknown column customer.balance in formula: not a column of order_detail or of a parent of order_detail",
    }]);
  });

  test("unknown column: a where clause reading the parent", () => {
    const where = e.isNull(Customer.Fax) as never;
    expect(diagnose([sum(Customer.Balance, { of: Order.AmountTotal, where })])).toEqual([{
      rule: "customer_balance",
      message: "unknown column customer.fax in where: only columns of order may be used here",
    }]);
  });

  test("unknown column inside a drizzle sql template", () => {
    const condition = e.raw<"boolean">(sql`${Order.AmountTotal} > 0`) as never;
    expect(diagnose([constraint("positive", Customer, condition, "no")])).toEqual([{
      rule: "positive",
      message: "unknown column order.amount_total in condition: only columns of customer may be used here",
    }]);
  });

  test("two rules deriving one column", () => {
    expect(diagnose([
      sum(Customer.Balance, { of: Order.AmountTotal }),
      sum(Customer.Balance, { of: Order.Freight, name: "customer_freight" }),
    ])).toEqual([{
      rule: "customer_freight",
      message: "column customer.balance is already derived by rule customer_balance; a column has one rule",
    }]);
  });

  test("two foreign keys to the parent need `via`", () => {
    const ambiguous = diagnose([count(Department.SecurityLevel, { of: Employee })]);
    expect(ambiguous).toEqual([{
      rule: "department_security_level",
      message: "2 foreign keys from employee to department (employee_works_for_department_id_department_id_fk, "
        + "employee_on_loan_department_id_department_id_fk): pass `via` to pick one",
    }]);
    expect(diagnose([count(Department.SecurityLevel, { of: Employee, via: Employee.OnLoanDepartmentId })])).toEqual([]);
  });

  test("duplicate names, change() outside adjustBy and adjustBy without change() are all reported together", () => {
    const found = diagnose([
      count(Customer.OrderCount, { of: Order, name: "same" }),
      count(Customer.UnpaidOrderCount, { of: Order, name: "same" }),
      formula(Product.UnitsOnOrder, e.change(Product.UnitsShipped) as never),
      adjustBy(Product.UnitsInStock, e.lit(1) as never),
    ]);
    expect(found.map((d) => `${d.rule}: ${d.message}`)).toEqual([
      "same: two rules have this name; names must be unique",
      "product_units_on_order: e.change(units_shipped) is only allowed in adjustBy rules",
      "product_units_in_stock: adjustBy reads no column, so it would never run; use e.change(column)",
    ]);
  });

  test("the error message lists every diagnostic, one line each", () => {
    const err = (() => {
      try { compileRules(defineRules({ source: "t" }, [formula(OrderDetail.Amount, Customer.Balance)])); } catch (x) { return x; }
      return undefined;
    })();
    expect(err).toBeInstanceOf(RuleCompileError);
    expect((err as Error).message).toBe("1 rule error:\n  rule order_detail_amount: unknown column customer.balance in formula: "
      + "not a column of order_detail or of a parent of order_detail");
  });
});

/** Never called: tsc checks that the typed builder rejects these. */
export function typeErrors(): RuleSpec[] {
  return [
    // @ts-expect-error a sum target must be numeric
    sum(Customer.CompanyName, { of: Order.AmountTotal }),
    // @ts-expect-error `where` may read only the child's columns
    sum(Customer.Balance, { of: Order.AmountTotal, where: e.isNull(Customer.Fax) }),
    // @ts-expect-error a formula's value must have the target's type
    formula(OrderDetail.Amount, Order.ShippedDate),
    // @ts-expect-error a constraint reads only its table's columns
    constraint("x", Customer, e.lte(Order.AmountTotal, Customer.CreditLimit), "x"),
    // @ts-expect-error copy needs the same type family
    copy(OrderDetail.UnitPrice, { from: Product.ProductName }),
    // @ts-expect-error arithmetic on a boolean column
    formula(OrderDetail.Amount, e.mul(Product.CarbonNeutral, 2)),
  ];
}
