import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "@sysops/logger";
import { ensurePostgres } from "./postgres.ts";

const logger = createLogger("test", "silent");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "launcher-pg-"));
// The embedded server runs as the `postgres` OS user when we are root; it must be able to enter the folder.
fs.chmodSync(dataDir, 0o777);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function selectOne(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ n: number }>("SELECT 1 AS n");
  await client.end();
  return rows[0]?.n;
}

describe("ensurePostgres without DATABASE_URL", () => {
  it("initialises an embedded PostgreSQL under the data dir, and reuses it on the next start", async () => {
    const port = 30000 + Math.floor(Math.random() * 20000);
    const first = await ensurePostgres({ dataDir, port, logger });
    try {
      expect(await selectOne(first.url)).toBe(1);
      expect(fs.existsSync(path.join(dataDir, "postgres", "PG_VERSION"))).toBe(true);
    } finally {
      await first.stop();
    }
    const second = await ensurePostgres({ dataDir, port, logger });
    try {
      expect(await selectOne(second.url)).toBe(1);
    } finally {
      await second.stop();
    }
  });
});

describe("ensurePostgres with DATABASE_URL", () => {
  it("creates the named database when it is missing", async () => {
    const admin = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
    const name = `sysops_launcher_${Date.now()}`;
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const handle = await ensurePostgres({ databaseUrl: url.toString(), dataDir, port: 0, logger });
    expect(await selectOne(handle.url)).toBe(1);
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await client.end();
  });

  it("names the problem when PostgreSQL does not answer", async () => {
    await expect(ensurePostgres({ databaseUrl: "postgresql://postgres@127.0.0.1:1/x", dataDir, port: 0, logger })).rejects.toThrow(/Cannot reach PostgreSQL/);
  });
});
