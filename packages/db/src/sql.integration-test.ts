import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlPool, type SqlPool } from "./sql.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

let testDb: TestDatabase;
let sql: SqlPool;
const statement = (text: string, ...values: unknown[]) => ({ text, values });

beforeAll(async () => {
  testDb = await createTestDatabase();
  sql = createSqlPool(testDb.url, { max: 2 });
  await sql.query(statement(`CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL, at timestamp(3) NOT NULL)`));
});
afterAll(async () => {
  await sql.end();
  await testDb.drop();
});

describe("the hot-path SQL pool", () => {
  it("runs parameterized statements and returns rows as objects", async () => {
    expect(await sql.query(statement("SELECT $1::int + 1 AS n, $2::text AS s", 41, "x"))).toEqual([{ n: 42, s: "x" }]);
    expect(await sql.$queryRawUnsafe("SELECT $1::text[] AS a", ["p", "q"])).toEqual([{ a: ["p", "q"] }]);
  });

  it("keeps a zone-less timestamp in UTC both ways, whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const at = new Date("2026-12-03T17:04:05.123Z");
      const [row] = await sql.query<{ at: Date; text: string }>(statement("INSERT INTO note (body, at) VALUES ('t', $1) RETURNING at, at::text AS text", at));
      expect(row).toEqual({ at, text: "2026-12-03 17:04:05.123" });
      expect(await sql.query(statement("SELECT count(*)::int AS n FROM note WHERE at = ANY($1::timestamp[])", [at]))).toEqual([{ n: 1 }]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("fills a zone-less timestamp's CURRENT_TIMESTAMP default in UTC (the session's time zone)", async () => {
    const name = new URL(testDb.url).pathname.slice(1);
    await sql.query(statement(`ALTER DATABASE ${name} SET timezone = 'Asia/Kolkata'`)); // +05:30: a server whose sessions are not UTC
    await sql.query(statement("CREATE TABLE stamped (id serial PRIMARY KEY, at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP)"));
    const fresh = createSqlPool(testDb.url, { max: 1 });
    try {
      const before = Date.now();
      const [row] = await fresh.query<{ at: Date }>(statement("INSERT INTO stamped DEFAULT VALUES RETURNING at"));
      expect(Math.abs(row!.at.getTime() - before)).toBeLessThan(5_000);
    } finally {
      await fresh.end();
    }
  });

  it("commits a transaction's statements together, and rolls all of them back when it throws", async () => {
    await sql.transaction(async (tx) => {
      await tx.query(statement("INSERT INTO note (body, at) VALUES ('kept 1', now())"));
      await tx.query(statement("INSERT INTO note (body, at) VALUES ('kept 2', now())"));
    });
    await expect(
      sql.transaction(async (tx) => {
        await tx.query(statement("INSERT INTO note (body, at) VALUES ('gone', now())"));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await sql.query(statement("SELECT body FROM note WHERE body <> 't' ORDER BY id"))).toEqual([{ body: "kept 1" }, { body: "kept 2" }]);
  });

  it("prepares each statement once per connection", async () => {
    const one = createSqlPool(testDb.url, { max: 1 });
    try {
      await one.query(statement("SELECT $1::int AS n", 1));
      await one.query(statement("SELECT $1::int AS n", 2));
      const rows = await one.query<{ statement: string }>(statement("SELECT statement FROM pg_prepared_statements ORDER BY statement"));
      expect(rows.map((r) => r.statement)).toEqual(["SELECT $1::int AS n", "SELECT statement FROM pg_prepared_statements ORDER BY statement"]);
    } finally {
      await one.end();
    }
  });
});
