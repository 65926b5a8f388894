/**
 * The hand-written baseline for bench/api.ts: plain Bun.serve handlers with
 * postgres.js prepared statements answering the same three requests with the
 * same JSON:API documents, minus the engine (no parsing, planning, validation
 * library or transaction). What an expert would write for exactly these URLs.
 */
import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Sql } from "../src/engine/db/database";
import { Customer, Order, OrderDetail } from "../src/northwind/schema";

type Row = Record<string, unknown>;
const JSON_API = { "content-type": "application/vnd.api+json" };

/** `"column" as "Key", …` for a table: the same attribute names the engine answers with. */
function columns(table: PgTable): string {
  return Object.entries(getTableColumns(table)).map(([key, c]) => `"${c.name}" as "${key}"`).join(", ");
}

function attributes(row: Row, numeric: readonly string[]): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (k !== "v") out[k] = numeric.includes(k) && v !== null ? Number(v) : v;
  return out;
}

function customer(row: Row): Row {
  const self = `/api/Customer/${String(row.Id)}`;
  return { type: "Customer", id: row.Id, attributes: attributes(row, ["Balance", "CreditLimit"]),
    relationships: { OrderList: { links: { self: `${self}/relationships/OrderList`, related: `${self}/OrderList` } } },
    links: { self }, meta: { checksum: row.v } };
}

export function createBaseline(sql: Sql): (req: Request) => Promise<Response> {
  const customerSelect = sql.unsafe(columns(Customer));
  const orderSelect = sql.unsafe(columns(Order));
  const detailSelect = sql.unsafe(columns(OrderDetail));
  return async (req) => {
    const url = new URL(req.url);
    const one = /^\/api\/Customer\/([^/]+)$/.exec(url.pathname);
    if (one && req.method === "GET") {
      const [row] = await sql`select xmin::text as v, ${customerSelect} from customer where id = ${decodeURIComponent(one[1]!)}`;
      if (!row) return new Response('{"errors":[{"status":"404"}]}', { status: 404, headers: JSON_API });
      return new Response(JSON.stringify({ data: customer(row), links: { self: url.pathname } }), { headers: { ...JSON_API, etag: `"${String(row.v)}"` } });
    }
    if (one && req.method === "PATCH") {
      const body = await req.json() as { data?: { attributes?: { ContactName?: unknown } } };
      const name = body.data?.attributes?.ContactName;
      if (typeof name !== "string") return new Response('{"errors":[{"status":"422"}]}', { status: 422, headers: JSON_API });
      const [row] = await sql`update customer set contact_name = ${name} where id = ${decodeURIComponent(one[1]!)}
        returning xmin::text as v, ${customerSelect}`;
      if (!row) return new Response('{"errors":[{"status":"404"}]}', { status: 404, headers: JSON_API });
      return new Response(JSON.stringify({ data: customer(row), links: { self: url.pathname } }), { headers: { ...JSON_API, etag: `"${String(row.v)}"` } });
    }
    if (url.pathname === "/api/Order" && req.method === "GET") {
      const id = url.searchParams.get("filter[CustomerId]") ?? "";
      const [orders, [count], details] = await Promise.all([
        sql`select xmin::text as v, ${orderSelect} from "order" where customer_id = ${id} order by id limit 50`,
        sql`select count(*)::int as n from "order" where customer_id = ${id}`,
        sql`select xmin::text as v, ${detailSelect} from order_detail where order_id in
              (select id from "order" where customer_id = ${id} order by id limit 50)`,
      ]);
      const byOrder = new Map<unknown, Row[]>();
      for (const d of details) byOrder.set(d.OrderId, [...(byOrder.get(d.OrderId) ?? []), d]);
      const data = orders.map((o) => ({ type: "Order", id: String(o.Id), attributes: attributes(o, ["Freight", "AmountTotal"]),
        relationships: { OrderDetailList: { data: (byOrder.get(o.Id) ?? []).map((d) => ({ type: "OrderDetail", id: String(d.Id) })) } },
        links: { self: `/api/Order/${String(o.Id)}` }, meta: { checksum: o.v } }));
      const included = details.map((d) => ({ type: "OrderDetail", id: String(d.Id), attributes: attributes(d, ["UnitPrice", "Discount", "Amount"]),
        links: { self: `/api/OrderDetail/${String(d.Id)}` }, meta: { checksum: d.v } }));
      return new Response(JSON.stringify({ data, included, links: { self: url.pathname + url.search }, meta: { count: count?.n } }), { headers: JSON_API });
    }
    return new Response('{"errors":[{"status":"404"}]}', { status: 404, headers: JSON_API });
  };
}
