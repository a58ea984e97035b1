/**
 * A fresh, empty database per test file, so integration tests never share state and leave nothing behind.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export async function createTestDatabase(): Promise<TestDatabase> {
  // Tests are the one place besides @sysops/config that may read these variables (see common brief).
  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_URL;
  const name = `sysops_test_${randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** What each service's `./lifecycle` module exports (typed here so @sysops/db never depends on a service). */
export interface ServiceLifecycle {
  migrate(databaseUrl: string): Promise<unknown>;
  seedDemo(databaseUrl: string): Promise<unknown>;
}

/** A fresh database with each service's schema migrated and its demo data seeded, in the order given. */
export async function createSeededTestDatabase(...lifecycles: ServiceLifecycle[]): Promise<TestDatabase> {
  const testDb = await createTestDatabase();
  try {
    for (const lifecycle of lifecycles) {
      await lifecycle.migrate(testDb.url);
      await lifecycle.seedDemo(testDb.url);
    }
  } catch (err) {
    await testDb.drop();
    throw err;
  }
  return testDb;
}
