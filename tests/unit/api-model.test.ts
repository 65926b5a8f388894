/**
 * The resource model derived from a drizzle schema: which tables are exposed,
 * keys, value kinds, the relationship naming rules, and the id encoding.
 */
import { describe, expect, test } from "bun:test";
import { foreignKey, integer, pgTable, text } from "drizzle-orm/pg-core";
import { buildRegistry } from "../../src/engine/api/model/build-registry";
import { decodeId, encodeId } from "../../src/engine/api/model/id-codec";
import { parseText, toJsonValue } from "../../src/engine/api/model/values";
import { northwindResources as registry } from "../../src/northwind/api";

const names = (type: string) => registry.require(type).relationships.map((r) => `${r.kind === "toOne" ? "1" : "n"}:${r.name}->${r.target}`);

describe("registry", () => {
  test("every Northwind table but the login tables is a resource named by its export", () => {
    expect(registry.resources.map((r) => r.type).sort()).toEqual(["Category", "Customer", "CustomerDemographic", "Department",
      "Employee", "EmployeeAudit", "EmployeeTerritory", "Location", "Order", "OrderDetail", "Product", "Region",
      "SampleDbVersion", "Shipper", "Supplier", "Territory", "Union"]);
    expect(registry.require("Location").primaryKey.map((a) => a.name)).toEqual(["Country", "City"]);
    expect(registry.require("Customer").keyGenerated).toBe(false);
    expect(registry.require("Product").keyGenerated).toBe(true);
    expect(registry.require("Order").attribute.get("Freight")).toMatchObject({ kind: "numeric", column: "freight", sqlType: "numeric(14, 2)" });
    expect(registry.require("Order").attribute.get("Id")).toMatchObject({ kind: "integer", sqlType: "integer" });
  });

  test("relationship names: parent model, ChildList, roles for repeated and self references", () => {
    expect(names("Customer")).toEqual(["n:OrderList->Order"]);
    expect(names("Order")).toEqual(["1:Customer->Customer", "1:Employee->Employee", "1:Shipper->Shipper", "1:Location->Location",
      "1:CloneFromOrderRef->Order", "n:OrderListByCloneFromOrder->Order", "n:OrderDetailList->OrderDetail"]);
    expect(names("Employee")).toEqual(expect.arrayContaining(["1:WorksForDepartment->Department", "1:OnLoanDepartment->Department",
      "1:ReportsToRef->Employee", "n:EmployeeListByReportsTo->Employee"]));
    expect(names("Department")).toEqual(["1:Department->Department", "n:DepartmentListByDepartment->Department",
      "n:EmployeeListByWorksForDepartment->Employee", "n:EmployeeListByOnLoanDepartment->Employee"]);
    const location = registry.require("Order").relationship.get("Location")!;
    expect(location.sourceAttributes.map((a) => a.name)).toEqual(["Country", "City"]);
  });

  test("config mistakes fail at start-up with a clear message", () => {
    const A = pgTable("a", { Id: integer("id").primaryKey(), B: integer("b") }, (t) => [
      foreignKey({ name: "a_b_fk", columns: [t.B], foreignColumns: [t.Id] })]);
    const NoKey = pgTable("no_key", { X: text("x") });
    expect(() => buildRegistry({ schema: { A, NoKey } })).toThrow("NoKey has no primary key");
    expect(() => buildRegistry({ schema: { A }, exclude: ["Nope"] })).toThrow("not a table export");
    expect(buildRegistry({ schema: { A } }).require("A").relationships.map((r) => r.name)).toEqual(["BRef", "AListByB"]);
    expect(buildRegistry({ schema: { A }, relationshipNames: { a_b_fk: { toOne: "Parent", toMany: "Children" } } })
      .require("A").relationships.map((r) => r.name)).toEqual(["Parent", "Children"]);
    expect(() => buildRegistry({ schema: { A }, relationshipNames: { a_b_fk: { toOne: "B" } } })).toThrow("clashes");
  });
});

describe("ids and values", () => {
  const location = registry.require("Location");
  test("composite ids escape % and , in each part and round-trip", () => {
    for (const [country, city] of [["France", "Paris"], ["USA", "Washington, D.C."], ["X%2C", "a,b%c"]]) {
      const id = encodeId(location, { Country: country, City: city });
      expect(id.split(",").length).toBe(2);
      expect(decodeId(location, id)).toEqual([country!, city!]);
    }
    expect(encodeId(location, { Country: "USA", City: "Washington, D.C." })).toBe("USA,Washington%2C D.C.");
    expect(decodeId(location, "France")).toBeUndefined();
    expect(decodeId(location, "a,b,c")).toBeUndefined();
    expect(decodeId(location, "a,%E0%A4%A")).toBeUndefined();
  });

  test("single keys are the value itself; ids of the wrong type cannot decode", () => {
    expect(encodeId(registry.require("Customer"), { Id: "A,B" })).toBe("A,B");
    expect(decodeId(registry.require("Customer"), "A,B")).toEqual(["A,B"]);
    expect(decodeId(registry.require("Order"), "10643")).toEqual([10643]);
    expect(decodeId(registry.require("Order"), "10643abc")).toBeUndefined();
    expect(decodeId(registry.require("Order"), "9999999999")).toBeUndefined();
  });

  test("numeric values leave as JSON numbers; text parses by kind", () => {
    const freight = registry.require("Order").attribute.get("Freight")!;
    expect(toJsonValue(freight, "29.46")).toBe(29.46);
    expect(toJsonValue(freight, null)).toBeNull();
    expect(parseText(freight, "1e3")).toEqual({ ok: false, expected: "a decimal number" });
    expect(parseText(registry.require("Order").attribute.get("OrderDate")!, "2024-02-29")).toEqual({ ok: true, value: "2024-02-29" });
    expect(parseText(registry.require("Order").attribute.get("Ready")!, "yes").ok).toBe(false);
  });
});
