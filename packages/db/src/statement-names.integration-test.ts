import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgAdapter } from "./connection.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
});

describe("the Prisma adapter's statements", () => {
  it("are prepared once per connection and reused (named)", async () => {
    const adapter = await createPgAdapter(testDb.url, "public", { max: 1 }).connect();
    try {
      const query = (sql: string) => adapter.queryRaw({ sql, args: [], argTypes: [] });
      await query("SELECT 41 + 1 AS answer");
      await query("SELECT 41 + 1 AS answer");
      await query("SELECT 'other' AS text");
      const { rows } = await query("SELECT statement FROM pg_prepared_statements ORDER BY statement");
      expect(rows.map(([statement]) => statement)).toEqual([
        "SELECT 'other' AS text",
        "SELECT 41 + 1 AS answer",
        "SELECT statement FROM pg_prepared_statements ORDER BY statement",
      ]);
    } finally {
      await adapter.dispose();
    }
  });
});
