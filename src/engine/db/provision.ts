/**
 * Finds the Postgres server to use: `DATABASE_URL` when given, otherwise an
 * embedded real server under the data folder. Either way the caller gets a URL
 * for its database (created when missing) and a stop function.
 */
import { join } from "node:path";
import { ensureDatabaseExists } from "./database";
import { startEmbeddedPostgres } from "./embedded-postgres";

export interface ProvisionedPostgres {
  url: string;
  embedded: boolean;
  /** URL of another database on the same server (Shipping shares the embedded one). */
  urlFor(database: string): Promise<string>;
  stop(): Promise<void>;
}

export interface ProvisionOptions {
  databaseUrl?: string;
  dataDir: string;
  database: string;
  port?: number;
  log?: (line: string) => void;
}

export async function provisionPostgres(opts: ProvisionOptions): Promise<ProvisionedPostgres> {
  const log = opts.log ?? (() => {});
  if (opts.databaseUrl) {
    const base = opts.databaseUrl;
    await createIfMissing(base, log);
    return {
      url: base,
      embedded: false,
      urlFor: async (db) => {
        const url = new URL(base);
        url.pathname = `/${db}`;
        await createIfMissing(url.toString(), log);
        return url.toString();
      },
      stop: async () => {},
    };
  }
  const server = await startEmbeddedPostgres({ baseDir: join(opts.dataDir, "postgres"), port: opts.port, log });
  const urlFor = async (db: string) => {
    if (await ensureDatabaseExists(server.adminUrl, db)) log(`postgres: created database ${db}`);
    return server.urlFor(db);
  };
  return { url: await urlFor(opts.database), embedded: true, urlFor, stop: () => server.stop() };
}

/**
 * Creates the URL's database through the server's `postgres` maintenance
 * database when it does not exist; a user without CREATEDB gets the server's
 * own error on connect instead.
 */
async function createIfMissing(url: string, log: (line: string) => void): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name || name === "postgres") return;
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const created = await ensureDatabaseExists(maintenance.toString(), name).catch(() => false);
  if (created) log(`postgres: created database ${name}`);
}
