/**
 * A small non-Northwind schema with hostile names (quotes, semicolons, commas,
 * spaces), served by the engine on its own app: proves the engine serves any
 * drizzle schema and lets the behavioural suite run on a second schema.
 */
import { date, numeric, pgTable, serial, text, varchar } from "drizzle-orm/pg-core";
import { buildRegistry, registerJsonApi } from "../../src/engine/api";
import { createServiceApp } from "../../src/engine/http/create-service-app";
import { quoteIdent } from "../../src/engine/sql/quote";
import type { JsonApiApp } from "./jsonapi-client";
import { silentLogger } from "./test-app";
import { cloneDatabase, type TestDatabase } from "./test-database";

export const Parent = pgTable('we"ird parent', {
  Key: varchar("k ey", { length: 10 }).primaryKey(),
  Name: text("na,me"),
});

export const Child = pgTable('we"ird; child', {
  Id: serial("id").primaryKey(),
  ParentKey: varchar("parent key", { length: 10 }).references(() => Parent.Key),
  Note: text("note").notNull(),
  Tag: text("tag"),
  Amount: numeric("amount", { precision: 10, scale: 2 }).notNull().default("0"),
  On: date("on"),
});

const q = quoteIdent;

async function createTables(database: TestDatabase): Promise<void> {
  await database.sql.unsafe(`
    create table ${q('we"ird parent')} (${q("k ey")} varchar(10) primary key, ${q("na,me")} text);
    create table ${q('we"ird; child')} (id serial primary key,
      ${q("parent key")} varchar(10) references ${q('we"ird parent')} (${q("k ey")}),
      note text not null, tag text, amount numeric(10, 2) not null default 0, ${q("on")} date);
    insert into ${q('we"ird parent')} values ('p1', 'Alpha'), ('p2', 'Beta'), ('p,3', 'Gamma'), ('p4', null);
    insert into ${q('we"ird; child')} (${q("parent key")}, note, tag, amount, ${q("on")})
      select (array['p1', 'p2', 'p,3', null])[1 + i % 4], (array['Ant', 'Bee', 'Cat', 'Dog''s'])[1 + i % 4] || ' ' || i,
        case when i % 3 = 0 then null else 'tag' || (i % 5) end, (i * 7 % 23) + 0.25, date '2024-01-01' + i
      from generate_series(1, 40) as i;`);
}

export async function hostileSetup(): Promise<{ app: JsonApiApp; teardown(): Promise<void> }> {
  const database = await cloneDatabase();
  await createTables(database);
  const app = createServiceApp({ title: "Hostile", logger: silentLogger,
    health: { sql: database.sql, kafka: { configured: false, brokers: [], check: async () => false } } });
  registerJsonApi(app, { registry: buildRegistry({ schema: { Parent, Child } }), database });
  return { app, teardown: () => database.drop() };
}
