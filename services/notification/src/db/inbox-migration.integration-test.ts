/**
 * The `inbox_per_consumer_group` migration on a database that already holds inbox rows: they survive, under
 * the group that wrote them ("notification"), and the new key lets a second group record the same event.
 * (services/ticketing has the same migration with "ticketing".)
 */
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { applyMigrations } from "@sysops/db/migrate";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { createLogger } from "@sysops/logger";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DB_SCHEMA } from "./client.ts";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");
const logger = createLogger("test", "silent");
let testDb: TestDatabase;
let before: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  // The migrations as they were before the inbox key changed.
  before = await mkdtemp(path.join(tmpdir(), "notification-migrations-"));
  const entries = await readdir(migrationsDir);
  const cutoff = entries.find((entry) => entry.endsWith("_inbox_per_consumer_group"))!;
  for (const entry of entries.filter((e) => !/^\d/.test(e) || e < cutoff)) {
    await cp(path.join(migrationsDir, entry), path.join(before, entry), { recursive: true });
  }
});
afterAll(async () => {
  await rm(before, { recursive: true, force: true });
  await testDb?.drop();
});

it("keeps existing inbox rows under the notification group and keys the inbox by (eventId, consumerGroup)", async () => {
  await applyMigrations({ databaseUrl: testDb.url, schema: DB_SCHEMA, migrationsDir: before, logger });
  const client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
  try {
    const eventId = randomUUID();
    await client.query(`INSERT INTO notification."ProcessedEvent" ("eventId", consumer) VALUES ($1, 'notification')`, [eventId]);

    const applied = await applyMigrations({ databaseUrl: testDb.url, schema: DB_SCHEMA, migrationsDir, logger });
    expect(applied.some((name) => name.endsWith("_inbox_per_consumer_group"))).toBe(true);
    const { rows } = await client.query(`SELECT "eventId", "consumerGroup" FROM notification."ProcessedEvent"`);
    expect(rows).toEqual([{ eventId, consumerGroup: "notification" }]);

    await client.query(`INSERT INTO notification."ProcessedEvent" ("eventId", "consumerGroup") VALUES ($1, 'another-group')`, [eventId]);
    await expect(client.query(`INSERT INTO notification."ProcessedEvent" ("eventId", "consumerGroup") VALUES ($1, 'notification')`, [eventId])).rejects.toThrow(
      /ProcessedEvent_pkey/,
    );
  } finally {
    await client.end();
  }
});
