/**
 * Golden SQL of the JSON:API engine: the exact text and parameters the
 * planner sends for lists, counts, keyset pages, includes and writes, plus
 * quoting of hostile names. The same statements run on Postgres in the
 * integration suites.
 */
import { describe, expect, test } from "bun:test";
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { buildRegistry } from "../../src/engine/api/model/build-registry";
import { parseCollectionQuery } from "../../src/engine/api/query/parse-query";
import { readStatement } from "../../src/engine/api/sql/build-read";
import { selectCollection } from "../../src/engine/api/sql/build-select";
import { deleteRow, insertRow, updateRow } from "../../src/engine/api/sql/build-write";
import { compile } from "../../src/engine/api/sql/compile";
import { northwindResources as registry } from "../../src/northwind/api";

const limits = { defaultLimit: 50, maxLimit: 1000 };
const query = (type: string, search: string) => parseCollectionQuery(registry, registry.require(type), new URLSearchParams(search), limits);
const CATEGORY = `"t".xmin::text as "__version", "t"."id" as "Id", "t"."category_name" as "CategoryName", `
  + `"t"."description" as "Description", "t"."client_id" as "ClientId"`;

describe("golden SQL", () => {
  test("a filtered, sorted offset page and its count", () => {
    const q = query("Category", "filter[CategoryName][like]=C%&filter[or][0][Id][in]=1,2&filter[or][1][Description][null]&sort=-CategoryName&page[limit]=10&page[offset]=20");
    const s = selectCollection(registry, registry.require("Category"), q);
    const where = `where "t"."category_name" like $1 and ("t"."id" = any($2::integer[]) or "t"."description" is null)`;
    expect(compile(s.page)).toEqual({
      text: `select ${CATEGORY} from "category" as "t" ${where} order by "t"."category_name" desc, "t"."id" asc limit $3 offset $4`,
      params: ["C%", [1, 2], 10, 20],
    });
    expect(compile(s.count)).toEqual({ text: `select count(*) as "count" from "category" as "t" ${where}`, params: ["C%", [1, 2]] });
  });

  test("ne and notin keep NULLs; varchar arrays are cast without their length", () => {
    const q = query("Customer", "filter[Country][ne]=Germany&filter[Region][notin]=A,B&filter[Id][in]=ALFKI");
    expect(compile(selectCollection(registry, registry.require("Customer"), q).count)).toEqual({
      text: `select count(*) as "count" from "customer" as "t" where "t"."country" is distinct from $1`
        + ` and ("t"."region" is null or "t"."region" <> all($2::text[])) and "t"."id" = any($3::varchar[])`,
      params: ["Germany", ["A", "B"], ["ALFKI"]],
    });
  });

  test("a filter on a parent attribute is a correlated EXISTS, nested per hop", () => {
    const q = query("OrderDetail", "filter[Order.Customer.Country]=Germany");
    expect(compile(selectCollection(registry, registry.require("OrderDetail"), q).count).text).toBe(
      `select count(*) as "count" from "order_detail" as "t" where exists (select 1 from "order" as "r1" where`
      + ` "r1"."id" = "t"."order_id" and exists (select 1 from "customer" as "r2" where "r2"."id" = "r1"."customer_id"`
      + ` and "r2"."country" = $1))`);
  });

  test("a keyset page after a NULL on a descending nullable key, composite key as tie-breaker", () => {
    const cursor = Buffer.from(JSON.stringify({ s: "-Notes,Country,City", v: [null, "France", "Paris"] })).toString("base64url");
    const q = query("Location", `sort=-Notes&page[limit]=3&page[after]=${cursor}`);
    expect(compile(selectCollection(registry, registry.require("Location"), q).page)).toEqual({
      text: `select "t".xmin::text as "__version", "t"."country" as "Country", "t"."city" as "City", "t"."notes" as "Notes"`
        + ` from "location" as "t" where "t"."notes" is not null or ("t"."notes" is null and "t"."country" > $1)`
        + ` or ("t"."notes" is null and "t"."country" = $2 and "t"."city" > $3)`
        + ` order by "t"."notes" desc, "t"."country" asc, "t"."city" asc limit $4`,
      params: ["France", "France", "Paris", 4],
    });
  });

  test("a GET is one statement: page, count and each include level (semi-joins on the level above) as JSON", () => {
    const q = query("Location", "include=OrderList.Customer&page[limit]=2&page[after]=&sort=-Notes");
    const s = selectCollection(registry, registry.require("Location"), q);
    const sql = compile(readStatement({ main: s.page, sort: q.sort, count: s.count, include: q.include, limit: 2 }).statement);
    const location = `"t".xmin::text as "__version", "t"."country" as "Country", "t"."city" as "City", "t"."notes" as "Notes"`;
    const byName = (a: string) => `order by "${a}"."Notes" desc, "${a}"."Country" asc, "${a}"."City" asc`;
    expect(sql.text).toStartWith(`with "jsonapi_page" as (select ${location} from "location" as "t"`
      + ` order by "t"."notes" desc, "t"."country" asc, "t"."city" asc limit $1), "jsonapi_include_1" as (select "i".xmin::text`);
    expect(sql.text).toContain(`from "order" as "i" where ("i"."country", "i"."city") in (select "p"."Country", "p"."City"`
      + ` from (select "f".* from "jsonapi_page" as "f" ${byName("f")} limit $2) as "p")), "jsonapi_include_2" as (`);
    expect(sql.text).toContain(`from "customer" as "i" where ("i"."id") in (select "p"."CustomerId" from "jsonapi_include_1" as "p"))`);
    expect(sql.text).toEndWith(` select (select json_agg("p" ${byName("p")})::text from "jsonapi_page" as "p") as "data",`
      + ` (select count(*) as "count" from "location" as "t") as "count",`
      + ` (select json_agg("p")::text from "jsonapi_include_1" as "p") as "jsonapi_include_1",`
      + ` (select json_agg("p")::text from "jsonapi_include_2" as "p") as "jsonapi_include_2"`);
    expect(sql.params).toEqual([3, 2]);
  });

  test("writes: version-guarded update and delete, insert of defaults", () => {
    const location = registry.require("Location");
    const notes = location.attribute.get("Notes")!;
    const returning = `returning "t".xmin::text as "__version", "t"."country" as "Country", "t"."city" as "City", "t"."notes" as "Notes"`;
    expect(compile(updateRow(location, ["France", "Paris"], [{ attribute: notes, value: "x" }], ["42"]))).toEqual({
      text: `update "location" as "t" set "notes" = $1 where "t"."country" = $2 and "t"."city" = $3 and "t".xmin::text = any($4::text[]) ${returning}`,
      params: ["x", "France", "Paris", ["42"]],
    });
    expect(compile(deleteRow(location, ["France", "Paris"], undefined)).text)
      .toBe(`delete from "location" as "t" where "t"."country" = $1 and "t"."city" = $2 returning 1 as "deleted"`);
    expect(compile(insertRow(location, [])).text).toBe(`insert into "location" as "t" default values ${returning}`);
  });
});

describe("hostile names", () => {
  const Weird = pgTable('we"ird; drop table x', {
    Id: integer('i"d').primaryKey(),
    Label: text("label\\n--"),
  });
  const weird = buildRegistry({ schema: { Weird } });

  test("table and column names are always quoted, quotes doubled; values stay parameters", () => {
    const q = parseCollectionQuery(weird, weird.require("Weird"), new URLSearchParams("filter[Label]=x'); drop table y; --"), limits);
    expect(compile(selectCollection(weird, weird.require("Weird"), q).count)).toEqual({
      text: `select count(*) as "count" from "we""ird; drop table x" as "t" where "t"."label\\n--" = $1`,
      params: ["x'); drop table y; --"],
    });
  });

  test("a cast that is not a type name is refused", () => {
    expect(() => compile({ kind: "select", columns: [{ expr: { kind: "param", value: 1, cast: "int; drop table x" } }],
      from: { kind: "table", schema: undefined, name: "x", alias: "t" } })).toThrow(/refusing to print cast/);
  });
});
