/**
 * Fixtures for the Northwind rules tests: fresh customers and products per test
 * (so tests never depend on each other's writes) and readers of the derived
 * columns. Everything goes through plain SQL, as any writer would.
 */
import type { Sql } from "../../src/engine/db/database";

export type Item = readonly [productId: number, quantity: number];

const newId = () => `T${crypto.randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;

export function rulesFixtures(sql: Sql) {
  return {
    async customer(creditLimit = 1000): Promise<string> {
      const id = newId();
      await sql`insert into customer (id, company_name, credit_limit) values (${id}, ${`Test ${id}`}, ${creditLimit})`;
      return id;
    },

    async product(price: string, opts: { stock?: number; green?: boolean } = {}): Promise<number> {
      const [row] = await sql<{ id: number }[]>`
        insert into product (product_name, supplier_id, category_id, unit_price, units_in_stock, carbon_neutral)
        values (${`P ${newId()}`}, 1, 1, ${price}, ${opts.stock ?? 100}, ${opts.green ?? false}) returning id`;
      return row!.id;
    },

    /** One transaction: the order first, then its items (the deferred checks run at commit). */
    async order(customerId: string, items: readonly Item[], opts: { ready?: boolean } = {}) {
      return sql.begin(async (tx) => {
        const [order] = await tx<{ id: number }[]>`
          insert into "order" (customer_id, employee_id, ready) values (${customerId}, 1, ${opts.ready ?? true}) returning id`;
        const details: number[] = [];
        for (const [productId, quantity] of items) {
          const [d] = await tx<{ id: number }[]>`
            insert into order_detail (order_id, product_id, quantity) values (${order!.id}, ${productId}, ${quantity}) returning id`;
          details.push(d!.id);
        }
        return { orderId: order!.id, details };
      });
    },

    async customerRow(id: string) {
      const [row] = await sql`select balance, order_count, unpaid_order_count from customer where id = ${id}`;
      return row;
    },

    async orderRow(id: number) {
      const [row] = await sql`select amount_total, order_detail_count from "order" where id = ${id}`;
      return row;
    },

    async productRow(id: number) {
      const [row] = await sql`select units_shipped, units_in_stock from product where id = ${id}`;
      return row;
    },

    async detailRow(id: number) {
      const [row] = await sql`select unit_price, quantity, amount, shipped_date from order_detail where id = ${id}`;
      return row;
    },
  };
}
