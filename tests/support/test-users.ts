/**
 * Login accounts made for one test with SQL, as an operator would: a user with
 * password "p" and some roles. Login and tokens then go through the real routes.
 */
import type { TestDatabase } from "./test-database";

const HASH = Bun.password.hash("p", { algorithm: "argon2id" });

export async function createUser(db: TestDatabase, id: string, roles: string[], customerId: string | null = null) {
  await db.sql`insert into app_user (id, name, username, password_hash, customer_id)
               values (${id}, ${id}, ${id}, ${await HASH}, ${customerId})`;
  for (const role of roles) {
    await db.sql`insert into app_role (name) values (${role}) on conflict do nothing`;
    await db.sql`insert into app_user_role (user_id, role_name) values (${id}, ${role})`;
  }
}
