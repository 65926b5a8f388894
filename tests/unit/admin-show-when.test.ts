/**
 * show_when conditions: parsed on the server with errors naming the problem,
 * evaluated in the browser against form values or the record.
 */
import { describe, expect, test } from "bun:test";
import { evaluateShowWhen, parseShowWhen, type Condition } from "../../src/engine/admin/model/show-when";

const names = new Set(["Ready", "Dues", "UnionId", "Kind", "Notes"]);
const parse = (text: string): Condition => {
  const r = parseShowWhen(text, names);
  if (!r.ok) throw new Error(r.error);
  return r.condition;
};

describe("show_when", () => {
  test("comparisons, truthiness, not, and/or with and binding tighter, parentheses", () => {
    expect(parse("Ready == true")).toEqual({ kind: "compare", attribute: "Ready", op: "==", value: true });
    expect(parse("not Ready")).toEqual({ kind: "not", item: { kind: "truthy", attribute: "Ready" } });
    expect(parse("Ready or UnionId != null and Dues > 0")).toEqual({ kind: "or", items: [
      { kind: "truthy", attribute: "Ready" },
      { kind: "and", items: [{ kind: "compare", attribute: "UnionId", op: "!=", value: null },
        { kind: "compare", attribute: "Dues", op: ">", value: 0 }] }] });
    expect(parse("(Ready or Notes) and Kind == 'Hourly'")).toMatchObject({ kind: "and" });
  });

  test("errors say what is wrong", () => {
    expect(parseShowWhen("Missing == 1", names)).toEqual({ ok: false, error: "Missing is not a field of this resource" });
    expect(parseShowWhen("Ready ==", names)).toEqual({ ok: false, error: "a value is missing at the end" });
    expect(parseShowWhen("(Ready", names)).toEqual({ ok: false, error: "a ) is missing" });
    expect(parseShowWhen("Ready Dues", names)).toEqual({ ok: false, error: "unexpected Dues" });
    expect(parseShowWhen("Ready == $", names)).toMatchObject({ ok: false });
  });

  test("evaluation treats empty form values as null and compares numbers as numbers", () => {
    const dues = parse("UnionId != null and Dues > 9");
    expect(evaluateShowWhen(dues, { UnionId: 1, Dues: "10" })).toBe(true);
    expect(evaluateShowWhen(dues, { UnionId: "", Dues: 10 })).toBe(false);
    expect(evaluateShowWhen(parse("Ready == true"), { Ready: false })).toBe(false);
    expect(evaluateShowWhen(parse("Kind == \"Hourly\""), { Kind: "Hourly" })).toBe(true);
    expect(evaluateShowWhen(parse("not Notes"), { Notes: "" })).toBe(true);
  });
});
