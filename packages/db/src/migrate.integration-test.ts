import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffMigrationSql, writeMigration } from "./migrate.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);

let db: TestDatabase;
let migrationsDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  migrationsDir = await mkdtemp(path.join(os.tmpdir(), "sysops-migrations-"));
});
afterAll(async () => {
  await db.drop();
  await rm(migrationsDir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations through the Wasm schema engine", () => {
  it("creates, applies once, and diffs incrementally", async () => {
    const schemaV1 = await readFile(fixture("schema.prisma"), "utf8");
    const initSql = await diffMigrationSql({ databaseUrl: db.url, schema: "widgets", migrationsDir, schemaFile: fixture("schema.prisma") });
    expect(initSql).toContain('CREATE SCHEMA IF NOT EXISTS "widgets"');
    expect(initSql).toContain('CREATE TABLE "Widget"');
    await writeMigration(migrationsDir, "init", initSql, schemaV1, new Date("2026-01-01T00:00:00Z"));

    expect(await applyMigrations({ databaseUrl: db.url, schema: "widgets", migrationsDir })).toEqual(["20260101000000_init"]);
    expect(await applyMigrations({ databaseUrl: db.url, schema: "widgets", migrationsDir })).toEqual([]);

    const tables = await query<{ table_schema: string; table_name: string }>(
      "SELECT table_schema, table_name FROM information_schema.tables WHERE table_name IN ('Widget', '_prisma_migrations') ORDER BY table_name",
    );
    expect(tables).toEqual([
      { table_schema: "widgets", table_name: "Widget" },
      { table_schema: "widgets", table_name: "_prisma_migrations" },
    ]);

    expect(await diffMigrationSql({ databaseUrl: db.url, schema: "widgets", migrationsDir, schemaFile: fixture("schema.prisma") })).toBe("");
    const addColumn = await diffMigrationSql({ databaseUrl: db.url, schema: "widgets", migrationsDir, schemaFile: fixture("schema-v2.prisma") });
    expect(addColumn).toMatch(/ALTER TABLE "Widget" ADD COLUMN\s+"color" TEXT/);
    expect(addColumn).not.toContain("CREATE TABLE");
  });

  it("sends a script whole: semicolons inside a function body and a comment do not split it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "sysops-migrations-"));
    try {
      const schemaV1 = await readFile(fixture("schema.prisma"), "utf8");
      const initSql = await diffMigrationSql({ databaseUrl: db.url, schema: "scripts", migrationsDir: dir, schemaFile: fixture("schema.prisma") });
      await writeMigration(dir, "init", initSql, schemaV1, new Date("2026-01-01T00:00:00Z"));
      const trigger = [
        "-- a comment; with a semicolon",
        'CREATE FUNCTION "touch_widget"() RETURNS trigger LANGUAGE plpgsql AS $$',
        "BEGIN",
        "  NEW.\"name\" := upper(NEW.\"name\");",
        "  RETURN NEW;",
        "END;",
        "$$;",
        'CREATE TRIGGER "widget_touch" BEFORE INSERT ON "Widget" FOR EACH ROW EXECUTE FUNCTION "touch_widget"();',
      ].join("\n");
      await writeMigration(dir, "trigger", trigger, schemaV1, new Date("2026-01-02T00:00:00Z"));
      expect(await applyMigrations({ databaseUrl: db.url, schema: "scripts", migrationsDir: dir })).toEqual(["20260101000000_init", "20260102000000_trigger"]);
      const rows = await query<{ name: string }>('INSERT INTO "scripts"."Widget" ("id", "name") VALUES (gen_random_uuid(), $1) RETURNING "name"', ["lower"]);
      expect(rows).toEqual([{ name: "LOWER" }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keeps two services' histories apart in one database", async () => {
    expect(await applyMigrations({ databaseUrl: db.url, schema: "gadgets", migrationsDir })).toEqual(["20260101000000_init"]);
    const rows = await query<{ n: number }>('SELECT count(*)::int AS n FROM "widgets"."_prisma_migrations"');
    expect(rows[0]?.n).toBe(1);
  });
});
