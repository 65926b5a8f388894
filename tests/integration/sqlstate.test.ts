/**
 * Real Postgres errors through the one SQLSTATE table: each gets a fitting
 * status by code or by class, and no detail names a table or constraint
 * unless a rule trigger wrote the message for users.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { apiErrorFromPostgres } from "../../src/engine/http/sqlstate";
import { cloneDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await cloneDatabase();
  await db.sql.unsafe(`
    create table secret_parent (id int primary key);
    create table secret_child (id int primary key, parent_id int references secret_parent, v int check (v > 0));
    insert into secret_parent values (1); insert into secret_child values (1, 1, 1);
    create function raise_rule() returns trigger language plpgsql as $$ begin
      raise exception using errcode = '23514', message = 'v may not be 7', constraint = 'v_not_seven'; end $$;
    create trigger secret_rule before insert on secret_child for each row when (new.v = 7) execute function raise_rule();
  `);
});
afterAll(async () => { await db.drop(); });

async function failure(text: string) {
  const e = await db.sql.begin(async (tx) => { await tx.unsafe("set local statement_timeout = '50ms'"); await tx.unsafe(text); })
    .then(() => undefined, (err: unknown) => err);
  if (!e) throw new Error(`${text} did not fail`);
  return { pg: e as { code: string }, api: apiErrorFromPostgres(e) };
}

const CASES: [sql: string, sqlstate: string, status: number][] = [
  ["insert into secret_parent values (1)", "23505", 409],
  ["insert into secret_child values (2, 99, 1)", "23503", 409],
  ["delete from secret_parent", "23503", 409],
  ["insert into secret_child values (3, 1, null), (4, null, -1)", "23514", 422],
  ["insert into secret_child (parent_id) values (1)", "23502", 422],
  ["select 'abc'::int", "22P02", 422],
  ["select '2020-13-45'::date", "22008", 422],
  ["select '3013-06-08+21:99'::timestamptz", "22009", 400],
  ["select 'abc' like ('a' || chr(92))", "22025", 400],
  ["select 1/0", "22012", 400],
  ["select convert_from('\\x00'::bytea, 'UTF8')", "22021", 422],
  ["select '{\"a\":\"\\u0000\"}'::jsonb", "22P05", 422],
  ["select pg_sleep(1)", "57014", 503],
  ["set role pg_read_all_stats; select * from secret_parent", "42501", 403],
];

for (const [sql, sqlstate, status] of CASES) {
  test(`${sqlstate} from ${sql} → ${status}, naming no table`, async () => {
    const { pg, api } = await failure(sql);
    expect(pg.code).toBe(sqlstate);
    expect(api?.status).toBe(status);
    expect(api!.message).not.toMatch(/secret_|relation|table/);
  });
}

test("a rule trigger's own message passes through, with the rule's name", async () => {
  const { pg, api } = await failure("insert into secret_child values (7, 1, 7)");
  expect(pg.code).toBe("23514");
  expect(api?.status).toBe(422);
  expect(api?.message).toBe("v may not be 7");
  expect(api?.meta).toEqual({ constraint: "v_not_seven" });
});

test("an internal error (undefined table) is not mapped: it becomes a 500 with the cause logged", async () => {
  const { pg, api } = await failure("select * from no_such_table");
  expect(pg.code).toBe("42P01");
  expect(api).toBeUndefined();
});
