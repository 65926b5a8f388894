/**
 * The admin config: what the generator derives from a schema (user keys,
 * labels, search, tabs, derived-column help), how regeneration merges into a
 * user's admin.yaml without losing an edit, what the loader rejects, and that
 * the committed admin.yaml files are current.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import { parse } from "yaml";
import { ADMIN_TARGETS } from "../../scripts/admin-targets";
import { AdminConfigError, buildAdminModel, generateAdminFile, mergeAdminYaml } from "../../src/engine/admin";
import { ADMIN_YAML_HEADER } from "../../src/engine/admin/config/header";
import { buildRegistry } from "../../src/engine/api";
import { northwindResources } from "../../src/northwind/api";
import { northwindRules } from "../../src/northwind/rules";

const northwind = generateAdminFile({ registry: northwindResources, rules: northwindRules, title: "Northwind" });
const attr = (type: string, name: string) => northwind.resources![type]!.attributes![name]!;

describe("generator", () => {
  test("the user key shown for a foreign key: a name among the first columns, else the id", () => {
    const keys = Object.fromEntries(Object.entries(northwind.resources!).map(([t, r]) => [t, r!.user_key]));
    expect(keys).toMatchObject({ Customer: "CompanyName", Product: "ProductName", Employee: "LastName",
      Category: "CategoryName", Order: "id", OrderDetail: "id", Region: "RegionDescription" });
  });

  test("labels, list columns, search and sort", () => {
    expect(attr("Order", "CustomerId")).toMatchObject({ label: "Customer", list: true, sort: true });
    expect(attr("Customer", "CompanyName")).toMatchObject({ label: "Company Name", search: true, sort: true });
    expect(attr("Customer", "Id").search).toBe(true);
    expect(attr("Customer", "Balance")).toMatchObject({ search: false, list: true });
    expect(northwind.resources!.OrderDetail!.label).toBe("Order Details");
    expect(northwind.resources!.Category!.label).toBe("Categories");
  });

  test("child tabs from to-many relationships", () => {
    expect(northwind.resources!.Customer!.tabs).toEqual([{ relationship: "OrderList", label: "Orders" }]);
    expect(northwind.resources!.Order!.tabs).toContainEqual({ relationship: "OrderDetailList", label: "Order Details" });
  });

  test("derived columns say how they are derived, in plain words", () => {
    expect(attr("Customer", "Balance").info).toBe("Derived: sum of Order.AmountTotal where ShippedDate is empty.");
    expect(attr("Order", "AmountTotal").info).toBe("Derived: sum of OrderDetail.Amount.");
    expect(attr("OrderDetail", "UnitPrice").info).toBe("Derived: copied from Product.UnitPrice when the row is added or its Product changes.");
    expect(attr("OrderDetail", "Amount").info)
      .toBe("Derived: round(UnitPrice × Quantity × (1 - coalesce(Discount, 0)) × (0.9 if Product.CarbonNeutral and Quantity ≥ 10, else 1), 2).");
    expect(attr("Customer", "CompanyName").info).toBeUndefined();
  });
});

// A schema in two versions: v2 gains Parent.Code (after Name) and loses Child.Legacy.
const parentV1 = pgTable("parent", { Id: serial("id").primaryKey(), Name: text("name"), Note: text("note") });
const childV1 = pgTable("child", { Id: serial("id").primaryKey(), ParentId: integer("parent_id").references(() => parentV1.Id),
  Legacy: text("legacy"), Size: integer("size") });
const parentV2 = pgTable("parent", { Id: serial("id").primaryKey(), Name: text("name"), Code: text("code"), Note: text("note") });
const childV2 = pgTable("child", { Id: serial("id").primaryKey(), ParentId: integer("parent_id").references(() => parentV2.Id),
  Size: integer("size") });
const v1 = generateAdminFile({ registry: buildRegistry({ schema: { Parent: parentV1, Child: childV1 } }), title: "T" });
const v2 = generateAdminFile({ registry: buildRegistry({ schema: { Parent: parentV2, Child: childV2 } }), title: "T" });

const USER_EDITS = (text: string) => text
  .replace("title: T", "title: My admin # renamed")
  .replace("label: Parents", "label: Families")
  .replace(/ {6}Note: \{[^}]*\}\n/, "")
  .replace(/( {6}Name: \{ label: Name)/, "      Note: { label: Remarks, hidden: true, info: Free text }\n$1")
  .replace(/Size: \{ label: Size, list: true, search: false, sort: true \}/, "Size: { label: Size, list: true, sort: true, show_when: Size > 0 }");

describe("merge into admin.yaml", () => {
  test("a new file opens with the editing guide and holds the generated config", () => {
    const { text, config } = mergeAdminYaml(undefined, v1, { prune: true, header: ADMIN_YAML_HEADER });
    expect(text.startsWith("# Admin app configuration")).toBe(true);
    expect(config).toEqual(v1);
    expect(text).toContain("      Name: { label: Name, list: true, search: true, sort: true }\n");
  });

  test("regenerating keeps every edit, adds what the schema gained next to its neighbour, drops what it lost", () => {
    const edited = USER_EDITS(mergeAdminYaml(undefined, v1, { prune: true, header: ADMIN_YAML_HEADER }).text);
    const merged = mergeAdminYaml(edited, v2, { prune: true });
    expect(merged.notes).toEqual(["added Parent.Code", "removed Child.Legacy (not in the schema)"]);
    const doc = parse(merged.text) as typeof v2;
    expect(doc.title).toBe("My admin");
    expect(merged.text).toContain("title: My admin # renamed");
    expect(merged.text.startsWith("# Admin app configuration")).toBe(true);
    expect(doc.resources!.Parent!.label).toBe("Families");
    expect(Object.keys(doc.resources!.Parent!.attributes!)).toEqual(["Id", "Note", "Name", "Code"]);
    expect(doc.resources!.Parent!.attributes!.Note).toEqual({ label: "Remarks", hidden: true, info: "Free text",
      list: true, search: false, sort: true });
    // A key the user deleted (search) comes back with its default; their show_when stays.
    expect(doc.resources!.Child!.attributes!.Size).toEqual({ label: "Size", list: true, sort: true, show_when: "Size > 0", search: false });
    expect(Object.keys(doc.resources!.Child!.attributes!)).toEqual(["Id", "ParentId", "Size"]);
  });

  test("merging is idempotent, and the loader's merge keeps unknown names for the checks to report", () => {
    const edited = USER_EDITS(mergeAdminYaml(undefined, v1, { prune: true }).text);
    const once = mergeAdminYaml(edited, v2, { prune: true }).text;
    expect(mergeAdminYaml(once, v2, { prune: true })).toMatchObject({ text: once, notes: [] });
    const kept = mergeAdminYaml(edited, v2, { prune: false }).config as typeof v2;
    expect(Object.keys(kept.resources!.Child!.attributes!)).toContain("Legacy");
  });

  test("the committed admin.yaml files are up to date with their schemas (bun run admin:generate)", () => {
    for (const target of ADMIN_TARGETS) {
      const text = readFileSync(target.file, "utf8");
      const generated = generateAdminFile({ registry: target.registry, rules: target.rules, title: target.title });
      expect({ file: target.file, ...mergeAdminYaml(text, generated, { prune: true }) }).toMatchObject({ file: target.file, text, notes: [] });
    }
  });
});

describe("loading admin.yaml into the served model", () => {
  const load = (text: string) => buildAdminModel({ registry: northwindResources, text, file: "admin.yaml", title: "Northwind" });

  test("schema facts join the file's choices: references, derived (read-only) fields, tabs, menu", () => {
    const model = load(readFileSync(ADMIN_TARGETS[0]!.file, "utf8"));
    const detail = model.resources.find((r) => r.type === "OrderDetail")!;
    expect(detail.singular).toBe("Item");
    expect(detail.fields.find((f) => f.name === "ProductId")).toMatchObject({ reference: { resource: "Product", relationship: "Product" }, required: true });
    expect(detail.fields.find((f) => f.name === "Amount")).toMatchObject({ derived: true, required: false, kind: "numeric", scale: 2 });
    expect(detail.fields.find((f) => f.name === "Quantity")).toMatchObject({ derived: false });
    const order = model.resources.find((r) => r.type === "Order")!;
    expect(order.tabs.map((t) => t.relationship)).toEqual(["OrderDetailList"]);
    expect(order.tabs[0]!.foreignKey).toEqual([{ child: "OrderId", parent: "Id" }]);
    expect(order.fields.find((f) => f.name === "ShippedDate")!.showWhen).toEqual({ kind: "compare", attribute: "Ready", op: "==", value: true });
    expect(model.resources.map((r) => r.type).slice(0, 3)).toEqual(["Customer", "Order", "OrderDetail"]);
    expect(model.resources.find((r) => r.type === "SampleDbVersion")!.menu).toBe(false);
    expect(model.resources.find((r) => r.type === "Customer")!.search).toContain("CompanyName");
  });

  test("mistakes are reported together, each naming where it is", () => {
    const text = [
      "resources:",
      "  Customer:",
      "    user_key: Nope",
      "    attributes:",
      "      CompanyNam: { label: typo }",
      "      Balance: { show_when: Balance >> 3 }",
      "    tabs:",
      "      - { relationship: Order }",
      "  Ghost: { label: Boo }",
    ].join("\n");
    let error: unknown;
    try { load(text); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(AdminConfigError);
    expect((error as AdminConfigError).problems).toEqual([
      "Customer.user_key: Nope is not an attribute",
      "Customer.CompanyNam is not an attribute (run bun run admin:generate to drop it)",
      "Customer.Balance.show_when: expected a value (number, \"text\", true, false or null), found >",
      "Customer.tabs: Order is not a to-many relationship",
      "resources.Ghost is not a resource of the API (run bun run admin:generate to drop it)",
    ]);
  });

  test("a key the file does not know is a typo, not silently ignored", () => {
    expect(() => load("resources:\n  Customer:\n    lable: X\n")).toThrow(/resources\.Customer: Unrecognized key: "lable"/);
  });
});
