/**
 * Integration-test fixture (tests only): a fresh database with a service schema holding the outbox and inbox
 * tables exactly as a service's Prisma migration creates them, a pg-backed `TransactionalDb` (the shape of
 * PrismaClient the consumer uses), and Redis stream names unique to the test.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { createLogger, type Logger } from "@sysops/logger";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import type { TransactionalDb } from "./inbox.ts";
import { toOutboxRow } from "./outbox.ts";
import { ticketCreated } from "./catalog.ts";
import { ticketPayload } from "./test-payloads.ts";

export { ticketPayload } from "./test-payloads.ts";

export const SCHEMA = "svc";

export interface PgTx {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  query<R extends pg.QueryResultRow>(query: string, values?: unknown[]): Promise<R[]>;
}

export interface Fixture {
  database: TestDatabase;
  pool: pg.Pool;
  db: TransactionalDb<PgTx>;
  redis: Redis;
  stream: string;
  deadLetterStream: string;
  logger: Logger;
  close(): Promise<void>;
}

export async function createFixture(): Promise<Fixture> {
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  // DROP DATABASE … WITH (FORCE) may end a closing connection; that is expected here.
  pool.on("error", () => undefined);
  await pool.query(`
    CREATE SCHEMA ${SCHEMA};
    CREATE TABLE ${SCHEMA}."OutboxEvent" (
      "id" UUID NOT NULL PRIMARY KEY, "aggregateType" TEXT NOT NULL, "aggregateId" UUID NOT NULL,
      "type" TEXT NOT NULL, "version" INTEGER NOT NULL, "payload" JSONB NOT NULL,
      "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "publishedAt" TIMESTAMP(3));
    CREATE TABLE ${SCHEMA}."ProcessedEvent" (
      "eventId" UUID NOT NULL, "consumerGroup" TEXT NOT NULL,
      "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY ("eventId", "consumerGroup"));
    CREATE TABLE ${SCHEMA}."Effect" ("eventId" UUID NOT NULL, "consumer" TEXT NOT NULL);`);
  const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 3 });
  const prefix = `test:events:${randomBytes(6).toString("hex")}`;
  const stream = `${prefix}:stream`;
  const deadLetterStream = `${prefix}:dead`;
  return {
    database,
    pool,
    db: pgTransactionalDb(pool),
    redis,
    stream,
    deadLetterStream,
    logger: createLogger("events-test", process.env.TEST_LOG_LEVEL ?? "silent"),
    async close() {
      await redis.del(stream, deadLetterStream);
      redis.disconnect();
      await pool.end();
      await database.drop();
    },
  };
}

function pgTransactionalDb(pool: pg.Pool): TransactionalDb<PgTx> {
  return {
    async $transaction<R>(fn: (tx: PgTx) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          $executeRawUnsafe: async (query, ...values) => (await client.query(query, values)).rowCount ?? 0,
          $queryRawUnsafe: async <T,>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as T,
          query: async <Row extends pg.QueryResultRow>(query: string, values?: unknown[]) => (await client.query<Row>(query, values)).rows,
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** Writes `count` ticket.created rows to the outbox (committed), as a producing service would; returns them in order. */
export async function insertOutboxRowObjects(pool: pg.Pool, count: number) {
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    const ticketId = crypto.randomUUID();
    const row = toOutboxRow(ticketCreated, { aggregateType: "ticket", aggregateId: ticketId, payload: ticketPayload(ticketId, i + 1) });
    await pool.query(
      `INSERT INTO ${SCHEMA}."OutboxEvent" (id, "aggregateType", "aggregateId", type, version, payload, "occurredAt") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, row.aggregateType, row.aggregateId, row.type, row.version, JSON.stringify(row.payload), row.occurredAt],
    );
    rows.push(row);
  }
  return rows;
}

/** `insertOutboxRowObjects`, returning the ids in order. */
export async function insertOutboxRows(pool: pg.Pool, count: number): Promise<string[]> {
  return (await insertOutboxRowObjects(pool, count)).map((row) => row.id);
}

/** Every entry's id and decoded `event` field, in stream order. */
export async function readStream(redis: Redis, stream: string): Promise<{ id: string; event: Record<string, unknown>; fields: string[] }[]> {
  const entries = await redis.xrange(stream, "-", "+");
  return entries.map(([id, fields]) => {
    const json = fields[fields.indexOf("event") + 1] ?? "null";
    return { id, fields, event: JSON.parse(json) as Record<string, unknown> };
  });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** True once `group` has read every entry of the stream and acknowledged all of them. */
export async function groupCaughtUp(redis: Redis, stream: string, group: string): Promise<boolean> {
  const last = await redis.xrevrange(stream, "+", "-", "COUNT", 1);
  const groups = (await redis.xinfo("GROUPS", stream)) as (string | number)[][];
  const info = groups.map((g) => Object.fromEntries(pairs(g))).find((g) => g.name === group);
  return info !== undefined && Number(info.pending) === 0 && info["last-delivered-id"] === (last[0]?.[0] ?? "0-0");
}

function pairs(flat: (string | number)[]): [string, string | number][] {
  const out: [string, string | number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([String(flat[i]), flat[i + 1] as string | number]);
  return out;
}
