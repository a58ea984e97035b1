import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "./clock.ts";
import { startConsumer } from "./consumer.ts";
import { startOutboxRelay } from "./relay.ts";
import { createFixture, groupCaughtUp, insertOutboxRowObjects, insertOutboxRows, readStream, SCHEMA, waitFor, type Fixture, type PgTx } from "./test-fixture.ts";

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

function relay(batchSize = 100) {
  return startOutboxRelay({ databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, batchSize, poll: false });
}

const DAY = 24 * 60 * 60 * 1000;

async function outboxIds(where: string): Promise<string[]> {
  const { rows } = await f.pool.query<{ id: string }>(`SELECT id FROM ${SCHEMA}."OutboxEvent" WHERE ${where} ORDER BY id`);
  return rows.map((r) => r.id);
}

async function unpublished(): Promise<number> {
  const { rows } = await f.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${SCHEMA}."OutboxEvent" WHERE "publishedAt" IS NULL`);
  return Number(rows[0]?.n);
}

describe("outbox relay", () => {
  it("publishes rows in write order with a valid envelope and marks them published", async () => {
    const ids = await insertOutboxRows(f.pool, 25);
    const r = relay(10);
    expect(await r.drainOnce()).toBe(25);
    await r.stop();
    const entries = await readStream(f.redis, f.stream);
    expect(entries.map((e) => e.event.id)).toEqual(ids);
    expect(entries[0]?.event).toMatchObject({ type: "ticket.created", version: 1, aggregateType: "ticket", payload: { number: 1 } });
    expect(entries[0]?.event.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await unpublished()).toBe(0);
    const again = relay();
    expect(await again.drainOnce()).toBe(0);
    await again.stop();
  });

  it("two relays draining at once never publish a row twice", async () => {
    const ids = await insertOutboxRows(f.pool, 300);
    const [a, b] = [relay(7), relay(7)];
    const counts = await Promise.all([a.drainOnce(), b.drainOnce()]);
    await Promise.all([a.stop(), b.stop()]);
    expect(counts[0] + counts[1]).toBe(300);
    const published = (await readStream(f.redis, f.stream)).map((e) => e.event.id);
    expect(published).toHaveLength(300);
    expect(new Set(published)).toEqual(new Set(ids));
  });

  it("a relay that fails between XADD and the update republishes, and the consumer runs the handler once", async () => {
    const ids = await insertOutboxRows(f.pool, 5);
    // The commit after XADD fails (a deferred trigger raises at COMMIT), exactly like a crash at that point:
    // rows stay unpublished, entries are out.
    await f.pool.query(`CREATE FUNCTION ${SCHEMA}.fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'crash'; END $$ LANGUAGE plpgsql;
      CREATE CONSTRAINT TRIGGER crash AFTER UPDATE ON ${SCHEMA}."OutboxEvent" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.fail();`);
    const crashing = relay();
    await expect(crashing.drainOnce()).rejects.toThrow(/crash/);
    await crashing.stop();
    expect(await unpublished()).toBe(5);
    await f.pool.query(`DROP TRIGGER crash ON ${SCHEMA}."OutboxEvent"`);
    const r = relay();
    expect(await r.drainOnce()).toBe(5);
    await r.stop();
    expect(await readStream(f.redis, f.stream)).toHaveLength(10);

    const consumer = startConsumer<PgTx>({
      redis: f.redis, group: "g1", consumer: "c1", db: f.db, schema: SCHEMA, logger: f.logger, stream: f.stream, blockMs: 100,
      handlers: {
        "ticket.created": async (event, tx) => {
          await tx.$executeRawUnsafe(`INSERT INTO ${SCHEMA}."Effect" VALUES ($1, 'g1')`, event.id);
        },
      },
    });
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g1"));
    await consumer.stop();
    const { rows } = await f.pool.query<{ eventId: string }>(`SELECT "eventId" FROM ${SCHEMA}."Effect" ORDER BY "eventId"`);
    expect(rows.map((r) => r.eventId)).toEqual([...ids].sort());
  });

  it("the polling relay keeps retrying after failures and publishes new rows once they clear", async () => {
    await f.pool.query(`CREATE FUNCTION ${SCHEMA}.fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'down'; END $$ LANGUAGE plpgsql;
      CREATE CONSTRAINT TRIGGER down AFTER UPDATE ON ${SCHEMA}."OutboxEvent" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.fail();`);
    const r = startOutboxRelay({ databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, idleMs: 20 });
    const ids = await insertOutboxRows(f.pool, 3);
    await waitFor(async () => (await f.redis.xlen(f.stream)) >= 3);
    expect(await unpublished()).toBe(3);
    await f.pool.query(`DROP TRIGGER down ON ${SCHEMA}."OutboxEvent"`);
    await waitFor(async () => (await unpublished()) === 0);
    const more = await insertOutboxRows(f.pool, 2);
    await waitFor(async () => (await readStream(f.redis, f.stream)).some((e) => e.event.id === more[1]));
    await r.stop();
    const published = (await readStream(f.redis, f.stream)).map((e) => e.event.id);
    expect(new Set(published)).toEqual(new Set([...ids, ...more]));
    expect(published.slice(-2)).toEqual(more);
  });

  it("survives its database connections being killed mid-flight (a PostgreSQL restart) and publishes everything", async () => {
    const r = startOutboxRelay({ databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, idleMs: 1, batchSize: 5 });
    const name = new URL(f.database.url).pathname.slice(1);
    const ids: string[] = [];
    for (let round = 0; round < 15; round += 1) {
      ids.push(...(await insertOutboxRows(f.pool, 10)));
      await f.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'sysops-outbox-relay'`, [name]);
    }
    await waitFor(async () => (await unpublished()) === 0, 20_000);
    await r.stop();
    expect(new Set((await readStream(f.redis, f.stream)).map((e) => e.event.id))).toEqual(new Set(ids));
  });

  it("wake() publishes a committed row at once, well before its next poll", async () => {
    // A one-minute poll: only wake() can publish within the test's time.
    const r = startOutboxRelay({ databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, idleMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the relay's first (empty) drain is over: it sleeps
    const latencies: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const [id] = await insertOutboxRows(f.pool, 1);
      const committed = performance.now();
      r.wake();
      await waitFor(async () => (await readStream(f.redis, f.stream)).some((e) => e.event.id === id), 5_000);
      latencies.push(performance.now() - committed);
    }
    await r.stop();
    expect(await f.redis.xlen(f.stream)).toBe(5);
    // A wake-up drains within a few ms (the rest is waitFor's own polling); the bound only has to tell it from the
    // one-minute poll, with room for a CI machine running every package's tests at once.
    expect(Math.max(...latencies)).toBeLessThan(2_000);
  });

  it("without wake() a committed row waits for the poll (the safety net for producers with no relay in their process)", async () => {
    const r = startOutboxRelay({ databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, idleMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await insertOutboxRows(f.pool, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await f.redis.xlen(f.stream)).toBe(0);
    await r.stop();
    const polling = startOutboxRelay({ databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, idleMs: 50 });
    await waitFor(async () => (await f.redis.xlen(f.stream)) === 1, 5_000);
    await polling.stop();
  });

  describe("publish at commit", () => {
    const polling = (idleMs: number) =>
      startOutboxRelay({ databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, idleMs, stampEveryMs: 100 });

    it("puts the handed-over rows on the stream at once, as a drain writes them, and marks them published soon after", async () => {
      const r = polling(60_000); // only the hand-over can publish within the test's time
      await new Promise((resolve) => setTimeout(resolve, 200));
      const rows = await insertOutboxRowObjects(f.pool, 3);
      const handedOver = performance.now();
      r.publishCommitted(rows);
      await waitFor(async () => (await f.redis.xlen(f.stream)) === 3, 5_000);
      expect(performance.now() - handedOver).toBeLessThan(2_000); // against a one-minute poll
      await waitFor(async () => (await unpublished()) === 0, 5_000);

      const drained = await insertOutboxRowObjects(f.pool, 1);
      const drainer = relay();
      expect(await drainer.drainOnce()).toBe(1);
      await Promise.all([drainer.stop(), r.stop()]);
      const entries = await readStream(f.redis, f.stream);
      expect(entries.map((e) => e.event.id)).toEqual([...rows, ...drained].map((row) => row.id));
      // The same envelope either way: fields, and occurredAt to the millisecond in UTC.
      expect(entries[0]!.event).toEqual({ ...rows[0], occurredAt: rows[0]!.occurredAt.toISOString() });
      expect(entries[3]!.event).toEqual({ ...drained[0], occurredAt: drained[0]!.occurredAt.toISOString() });
      expect(entries.map((e) => e.fields.filter((_, i) => i % 2 === 0))).toEqual(entries.map(() => ["type", "event"]));
    });

    it("a row whose publish at commit failed (Redis refused it) is published by the poll, once", async () => {
      const r = polling(50);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await f.redis.set(f.stream, "not a stream"); // XADD now fails with WRONGTYPE
      const rows = await insertOutboxRowObjects(f.pool, 2);
      r.publishCommitted(rows);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await unpublished()).toBe(2);
      await f.redis.del(f.stream);
      await waitFor(async () => (await unpublished()) === 0, 5_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await r.stop();
      expect((await readStream(f.redis, f.stream)).map((e) => e.event.id)).toEqual(rows.map((row) => row.id));
    });

    it("a polling relay leaves rows another relay publishes at commit alone, and drains a row nobody handed over once it waited 1 s", async () => {
      const poller = startOutboxRelay({ databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, idleMs: 20 });
      const producer = polling(60_000);
      await new Promise((resolve) => setTimeout(resolve, 200)); // both past their first poll
      for (let round = 0; round < 10; round += 1) {
        producer.publishCommitted(await insertOutboxRowObjects(f.pool, 3));
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      const [orphan] = await insertOutboxRows(f.pool, 1);
      const committed = performance.now();
      await waitFor(async () => (await readStream(f.redis, f.stream)).some((e) => e.event.id === orphan), 5_000);
      const waited = performance.now() - committed;
      await Promise.all([poller.stop(), producer.stop()]);
      const published = (await readStream(f.redis, f.stream)).map((e) => e.event.id);
      expect(published).toHaveLength(31);
      expect(new Set(published).size).toBe(31);
      expect(waited).toBeGreaterThanOrEqual(950);
      expect(await unpublished()).toBe(0);
    });

    it("refuses a stale time that is not longer than the stamp interval", () => {
      expect(() => startOutboxRelay({ databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, poll: false, stampEveryMs: 500, staleAfterMs: 500 })).toThrow(/staleAfterMs/);
    });

    it("stop() marks what it published at commit before it returns", async () => {
      const r = startOutboxRelay({ databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, idleMs: 60_000, stampEveryMs: 60_000, staleAfterMs: 120_000 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      r.publishCommitted(await insertOutboxRowObjects(f.pool, 4));
      await waitFor(async () => (await f.redis.xlen(f.stream)) === 4, 5_000);
      expect(await unpublished()).toBe(4);
      await r.stop();
      expect(await unpublished()).toBe(0);
    });
  });

  describe("pruning", () => {
    it("deletes published rows older than the retention in bounded batches, never an unpublished or younger row", async () => {
      const clock = createManualClock(new Date("2026-03-01T12:00:00.000Z"));
      const r = startOutboxRelay({
        databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, poll: false, clock, pruneBatchSize: 4,
      });
      const old = await insertOutboxRows(f.pool, 11);
      expect(await r.drainOnce()).toBe(11); // published at 2026-03-01T12:00
      clock.advance(DAY);
      const younger = await insertOutboxRows(f.pool, 3);
      expect(await r.drainOnce()).toBe(3); // published a day later
      const pending = await insertOutboxRows(f.pool, 2);
      // Unpublished rows written long ago (a relay that was down for weeks) must survive any prune.
      await f.pool.query(`UPDATE ${SCHEMA}."OutboxEvent" SET "occurredAt" = '2025-01-01' WHERE id = ANY($1::uuid[])`, [pending]);

      clock.set(new Date("2026-03-08T11:59:59.999Z")); // 1 ms short of 7 days after the first publish
      expect(await r.pruneOnce()).toBe(0);
      clock.set(new Date("2026-03-08T12:00:00.001Z"));
      expect(await r.pruneOnce()).toBe(11); // 4 + 4 + 3
      await r.stop();
      expect(await outboxIds(`"publishedAt" IS NOT NULL`)).toEqual(younger);
      expect(await outboxIds(`"publishedAt" IS NULL`)).toEqual(pending);
      expect(old.some((id) => younger.includes(id))).toBe(false);
    });

    it("the polling relay prunes periodically with a configurable retention, judged by its clock", async () => {
      const clock = createManualClock(new Date("2026-03-01T12:00:00.000Z"));
      const r = startOutboxRelay({
        databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, stream: f.stream, idleMs: 10, clock,
        retentionMs: 60 * 60 * 1000, pruneEveryMs: 20,
      });
      await insertOutboxRows(f.pool, 5);
      await waitFor(async () => (await unpublished()) === 0);
      await new Promise((resolve) => setTimeout(resolve, 100)); // several prune passes: nothing has expired yet
      expect(await outboxIds("true")).toHaveLength(5);
      clock.advance(60 * 60 * 1000 + 1);
      await waitFor(async () => (await outboxIds("true")).length === 0);
      await r.stop();
      expect(await f.redis.xlen(f.stream)).toBe(5); // the stream keeps its entries
    });

    it("refuses a retention or batch size that is not positive", () => {
      const base = { databaseUrl: f.database.url, schema: SCHEMA, redis: f.redis, logger: f.logger, poll: false } as const;
      expect(() => startOutboxRelay({ ...base, retentionMs: 0 })).toThrow(/retention must be a positive number/);
      expect(() => startOutboxRelay({ ...base, pruneBatchSize: 0.5 })).toThrow(/batch size must be a positive integer/);
    });
  });
});
