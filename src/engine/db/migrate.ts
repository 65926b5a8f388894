/**
 * Brings a database to the current schema in two steps: drizzle-kit table
 * migrations, then the generated SQL files (rules, policies) in name order.
 * Generated files are idempotent; each is re-applied only when its hash changed.
 */
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Database } from "./database";

export async function migrateTables(database: Database, migrationsFolder: string): Promise<void> {
  await migrate(database.db, { migrationsFolder });
}

/** Applies changed generated files; returns the keys (folder/file) it applied. */
export async function applyGeneratedSql(database: Database, folders: string[],
  log: (line: string) => void = () => {}): Promise<string[]> {
  await database.sql`
    create table if not exists engine_generated_sql (
      file text primary key, sha256 text not null, applied_at timestamptz not null default now())`;
  const applied: string[] = [];
  for (const file of generatedSqlFiles(folders)) {
    if (await applyIfChanged(database, file)) {
      log(`migrate: applied ${file.key}`);
      applied.push(file.key);
    }
  }
  return applied;
}

interface GeneratedFile { key: string; path: string }

/** Keys are folder-relative so a clone in another place sees the same history. */
function generatedSqlFiles(folders: string[]): GeneratedFile[] {
  return folders
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith(".sql")).sort()
      .map((f) => ({ key: `${basename(folder)}/${f}`, path: join(folder, f) })));
}

async function applyIfChanged(database: Database, file: GeneratedFile): Promise<boolean> {
  const text = readFileSync(file.path, "utf8");
  const hash = new Bun.CryptoHasher("sha256").update(text).digest("hex");
  const [row] = await database.sql<{ sha256: string }[]>`select sha256 from engine_generated_sql where file = ${file.key}`;
  if (row?.sha256 === hash) return false;
  await database.sql.begin(async (tx) => {
    await tx.unsafe(text);
    await tx`insert into engine_generated_sql (file, sha256) values (${file.key}, ${hash})
             on conflict (file) do update set sha256 = excluded.sha256, applied_at = now()`;
  });
  return true;
}
