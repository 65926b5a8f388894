/** With the logger at debug, the rules' logic log (RAISE DEBUG in triggers) arrives as pino lines. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import pino from "pino";
import { createDatabase, type Database } from "../../src/engine/db/database";
import { cloneDatabase, type TestDatabase } from "../support/test-database";

let clone: TestDatabase;
let logged: Database;
const lines: { msg: string; pg?: string }[] = [];

beforeAll(async () => {
  clone = await cloneDatabase();
  const logger = pino({ level: "debug" }, { write: (line: string) => { lines.push(JSON.parse(line)); } });
  logged = createDatabase({ url: clone.url, logger, max: 1 });
});
afterAll(async () => {
  await logged.close();
  await clone.drop();
});

test("adding an item logs each rule that fired, with old and new values", async () => {
  await logged.sql`insert into order_detail (order_id, product_id, quantity) values (10643, 1, 2)`;
  const logic = lines.map((l) => l.pg ?? "").filter((m) => m.startsWith("rule "));
  expect(logic).toContain("rule order_amount_total: order[10643] amount_total 814.50 -> 850.50");
  expect(logic.some((m) => m.startsWith("rule customer_balance: customer[ALFKI] balance"))).toBe(true);
});
