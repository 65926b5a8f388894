/**
 * Query-string parsing of the JSON:API engine: the filter grammar (operators,
 * comma lists, or-groups, related paths), sort, paging, include trees, sparse
 * fieldsets, and 400s that name the offending parameter.
 */
import { describe, expect, test } from "bun:test";
import { ApiError, ApiErrors } from "../../src/engine/http/errors";
import { encodeCursor } from "../../src/engine/api/query/cursor";
import { parseCollectionQuery, parseDocumentQuery } from "../../src/engine/api/query/parse-query";
import type { Filter } from "../../src/engine/api/query/query-types";
import { northwindResources as registry } from "../../src/northwind/api";

const limits = { defaultLimit: 50, maxLimit: 1000 };
const parse = (type: string, search: string) => parseCollectionQuery(registry, registry.require(type), new URLSearchParams(search), limits);

function problems(type: string, search: string): { parameter?: string; detail: string }[] {
  try {
    parse(type, search);
  } catch (e) {
    const list = e instanceof ApiErrors ? e.errors : e instanceof ApiError ? [e] : [];
    return list.map((x) => ({ parameter: x.source?.parameter, detail: x.message }));
  }
  throw new Error(`no error for ${search}`);
}

function show(f: Filter | undefined): string {
  if (!f) return "";
  if (f.kind === "condition") return `${[...f.path.map((r) => r.name), f.attribute.name].join(".")} ${f.op} ${JSON.stringify(f.values)}`;
  return `${f.kind}(${f.items.map(show).join("; ")})`;
}

describe("filter grammar", () => {
  test("a LIKE pattern ending in an unpaired escape character is refused; an escaped backslash is not", () => {
    for (const pattern of ["%5C", "ab%5C", "%25%5C%5C%5C"]) {
      expect(problems("Order", `filter[ShipName][like]=${pattern}`)[0]!.parameter).toBe("filter[ShipName][like]");
      expect(problems("Order", `filter[ShipName][ilike]=${pattern}`)[0]!.detail).toContain("ilike pattern may not end in the escape character");
    }
    expect(show(parse("Order", "filter[ShipName][like]=a%5C%5C").filter)).toBe('ShipName like ["a\\\\\\\\"]');
    expect(show(parse("Order", "filter[ShipName][like]=%5C%25x").filter)).toBe('ShipName like ["\\\\%x"]');
  });

  test("equality, comma lists, operators and typed values", () => {
    expect(show(parse("Order", "filter[CustomerId]=ALFKI").filter)).toBe('CustomerId eq ["ALFKI"]');
    expect(show(parse("Order", "filter[EmployeeId]=1,2").filter)).toBe("EmployeeId in [1,2]");
    expect(show(parse("Order", "filter[ShipName][eq]=a,b").filter)).toBe('ShipName eq ["a,b"]');
    expect(show(parse("Order", "filter[Freight][ge]=10.5").filter)).toBe('Freight ge ["10.5"]');
    expect(show(parse("Order", "filter[Ready]=true").filter)).toBe("Ready eq [true]");
    expect(show(parse("Order", "filter[ShippedDate][null]").filter)).toBe("ShippedDate null []");
    expect(show(parse("Order", "filter[ShippedDate][notnull]=false").filter)).toBe("ShippedDate null []");
  });

  test("conditions AND; numbered or-groups OR, each group ANDing its own conditions", () => {
    const f = parse("Order", "filter[Ready]=true&filter[or][1][ShipCountry]=France&filter[or][0][ShipCountry]=Germany&filter[or][0][Freight][lt]=5");
    expect(show(f.filter)).toBe('and(Ready eq [true]; or(and(ShipCountry eq ["Germany"]; Freight lt ["5"]); ShipCountry eq ["France"]))');
  });

  test("related attributes walk relationships", () => {
    expect(show(parse("OrderDetail", "filter[Order.Customer.Country]=Germany").filter)).toBe('Order.Customer.Country eq ["Germany"]');
    expect(show(parse("Customer", "filter[OrderList.ShipCountry]=France").filter)).toBe('OrderList.ShipCountry eq ["France"]');
  });

  test("every mistake is a 400 naming its parameter, all reported at once", () => {
    expect(problems("Order", "filter[Nope]=1&filter[Freight][gt]=x&filter[ShipName][regex]=a&filter[or][x][Id]=1")).toEqual([
      { parameter: "filter[Nope]", detail: "Order has no attribute Nope" },
      { parameter: "filter[Freight][gt]", detail: '"x" is not valid for Freight: expected a decimal number' },
      { parameter: "filter[ShipName][regex]", detail: expect.stringContaining("unknown filter operator regex") },
      { parameter: "filter[or][x][Id]", detail: expect.stringContaining("filter[or][<n>]") },
    ]);
    expect(problems("Order", "filter[Freight][like]=1%")[0]!.detail).toContain("like applies to text attributes");
    expect(problems("Order", "filter[Id]=99999999999")[0]!.parameter).toBe("filter[Id]");
    expect(problems("Order", "filter[OrderDate]=2020-02-30")[0]!.detail).toContain("YYYY-MM-DD");
    expect(problems("Order", "filter[Customer.Nope]=1")[0]!.detail).toBe("Customer has no attribute Nope");
    expect(problems("Order", "filter[Ready]=1&filter[Ready]=2")[0]!.detail).toContain("more than once");
  });
});

describe("sort, page, include, fields", () => {
  test("the primary key completes every sort", () => {
    const keys = (s: string) => parse("Location", s).sort.map((k) => `${k.direction === "desc" ? "-" : ""}${k.attribute.name}`);
    expect(keys("")).toEqual(["Country", "City"]);
    expect(keys("sort=-Notes,City")).toEqual(["-Notes", "City", "Country"]);
    expect(problems("Location", "sort=Notes,-Notes")[0]!.detail).toContain("twice");
  });

  test("offset paging defaults; keyset cursors round-trip and are tied to their sort", () => {
    expect(parse("Order", "").page).toEqual({ kind: "offset", offset: 0, limit: 50 });
    expect(parse("Order", "page[after]=&page[limit]=5").page).toEqual({ kind: "keyset", after: [], limit: 5 });
    const sort = parse("Order", "sort=-OrderDate").sort;
    const cursor = encodeCursor(sort, { OrderDate: "2013-08-25", Id: 10643 });
    expect(parse("Order", `sort=-OrderDate&page[after]=${cursor}`).page).toEqual({ kind: "keyset", after: ["2013-08-25", 10643], limit: 50 });
    expect(problems("Order", `sort=OrderDate&page[after]=${cursor}`)[0]).toEqual({ parameter: "page[after]", detail: "the cursor was issued for a different sort" });
    const forged = Buffer.from(JSON.stringify({ s: "-OrderDate,Id", v: ["2013-08-25", "1; drop"] })).toString("base64url");
    expect(problems("Order", `sort=-OrderDate&page[after]=${forged}`)[0]!.parameter).toBe("page[after]");
    expect(problems("Order", "page[size]=5")[0]!.parameter).toBe("page[size]");
  });

  test("include paths merge into a tree; fields are checked per type", () => {
    const q = parseDocumentQuery(registry, registry.require("Customer"),
      new URLSearchParams("include=OrderList.OrderDetailList.Product,OrderList,OrderList.Employee&fields[Order]=ShipName,Customer&fields[Product]="));
    expect(q.include.map((n) => [n.path, n.children.map((c) => [c.path, c.children.map((g) => g.path)])])).toEqual([
      ["OrderList", [["OrderList.OrderDetailList", ["OrderList.OrderDetailList.Product"]], ["OrderList.Employee", []]]],
    ]);
    expect([...q.fields.get("Order")!]).toEqual(["ShipName", "Customer"]);
    expect([...q.fields.get("Product")!]).toEqual([]);
    expect(() => parseDocumentQuery(registry, registry.require("Customer"), new URLSearchParams("filter[Id]=1"))).toThrow("unknown query parameter");
  });

  test("the login tables are not resources, so they cannot be reached through include or fields", () => {
    expect(registry.get("User")).toBeUndefined();
    expect(problems("Customer", "include=UserList")[0]!.parameter).toBe("include");
    expect(problems("Customer", "fields[User]=Username")[0]!.parameter).toBe("fields[User]");
  });
});
