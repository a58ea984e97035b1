/**
 * Outbox relay: moves unpublished `OutboxEvent` rows of one service schema to a Redis Stream, then marks them
 * published. At-least-once: a row is marked only after its XADD succeeded, so a crash in between sends it
 * again; consumers dedupe by event id.
 *
 * Two ways a row gets out:
 * - **At commit** (`publishCommitted`): a producer in this process hands over the rows it just committed; the
 *   relay XADDs them at once, without reading them back, and marks them published in one UPDATE for all rows
 *   published within `stampEveryMs`. Per ticket filed that is one Redis round trip instead of a drain's four
 *   (BEGIN, UPDATE … RETURNING, XADD, COMMIT), and the event is on the stream a few ms sooner.
 * - **Drain** (`drainOnce`, and the poll): locks unpublished rows (`FOR UPDATE SKIP LOCKED`, so several relays
 *   never publish a row twice in one pass), stamps and reads them in one statement, XADDs, commits. The poll
 *   drains what nobody handed over: rows of a process that died between commit and publish, rows written by
 *   scripts, rows whose publish at commit failed (Redis down). So that it does not race a publish at commit
 *   still in flight, it drains only once some row has been waiting for `staleAfterMs` (1 s), or at its first
 *   poll (rows left from before a restart). A race that still happens (a publish at commit slower than that)
 *   sends an event twice, which consumers dedupe.
 */
import type { Redis } from "ioredis";
import pg from "pg";
import type { Logger } from "@sysops/logger";
import { qualifiedTable, withoutSchemaParam } from "./sql-identifier.ts";
import { backoffMs, createSleeper } from "./sleeper.ts";
import { systemClock, type Clock } from "./clock.ts";
import { createOutboxPruner, DEFAULT_OUTBOX_RETENTION_MS } from "./outbox-pruner.ts";
import { trimStream } from "./stream-trim.ts";

export const DEFAULT_STREAM = "sysops:events";

export interface OutboxRelayOptions {
  databaseUrl: string;
  /** The producing service's PostgreSQL schema (its `OutboxEvent` table lives there). */
  schema: string;
  redis: Redis;
  logger: Logger;
  stream?: string;
  batchSize?: number;
  /** Pause between polls when the outbox is empty; `wake()` cuts it short. */
  idleMs?: number;
  /** `false`: no background loop, only `drainOnce()` / `pruneOnce()` (tests, scripts). */
  poll?: boolean;
  /** Stamps `publishedAt` and decides what has expired. Default: the system clock. */
  clock?: Clock;
  /** Published rows older than this are deleted (default 7 days). Unpublished rows are never deleted. */
  retentionMs?: number;
  /** Pause between prune passes of the polling relay (default 10 minutes; the first pass runs at start). */
  pruneEveryMs?: number;
  /** Rows deleted per DELETE statement (default 1 000). */
  pruneBatchSize?: number;
  /** Stream entries every consumer group is done with are trimmed once older than this (default 24 h; stream-trim.ts). */
  streamRetentionMs?: number;
  /** Rows published at commit are marked published together, at most this long after their XADD (default 200 ms). */
  stampEveryMs?: number;
  /**
   * The poll drains a row only once it has seen it waiting for this long (default 1 s), so that it does not race
   * a publish at commit in flight in this or another process (those are marked within `stampEveryMs`).
   */
  staleAfterMs?: number;
}

/** A row the producer just committed, as it wrote it (`toOutboxRow`'s result). */
export interface CommittedOutboxRow {
  id: string;
  type: string;
  version: number;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
  occurredAt: Date;
}

export interface OutboxRelay {
  stop(): Promise<void>;
  /**
   * Producers in the same process call this right after a transaction that wrote outbox rows commits: the
   * polling loop drains at once instead of at its next poll (a wake during a drain makes it drain again).
   * Never blocks, never throws. It does not cut short the backoff after a failure (Redis or PostgreSQL down), and
   * does nothing for a relay started with `poll: false` or after `stop()`.
   */
  wake(): void;
  /**
   * After commit, from a producer in this process: publishes these rows at once (see the module comment). Never
   * blocks, never throws; a row whose XADD fails stays unpublished and the poll publishes it later.
   */
  publishCommitted(rows: readonly CommittedOutboxRow[]): void;
  /** Publishes every row it can lock right now, batch after batch; returns how many it published. */
  drainOnce(): Promise<number>;
  /** Deletes published rows older than the retention, batch after batch; returns how many it deleted. */
  pruneOnce(): Promise<number>;
}

interface OutboxRowRecord {
  id: string;
  type: string;
  version: number;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
  /** ISO text in UTC, formatted by PostgreSQL (the column is a zone-less Prisma `timestamp(3)` holding UTC). */
  occurredAt: string;
}

export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { redis, logger, schema } = options;
  const stream = options.stream ?? DEFAULT_STREAM;
  const batchSize = options.batchSize ?? 100;
  const idleMs = options.idleMs ?? 50;
  const table = qualifiedTable(schema, "OutboxEvent");
  // Session time zone UTC, so `to_char` also renders a timestamptz column in UTC.
  const pool = new pg.Pool({ connectionString: withoutSchemaParam(options.databaseUrl), max: 2,
    options: "-c TimeZone=UTC",
    application_name: "sysops-outbox-relay",
  });
  // A dropped idle connection (PostgreSQL restart) must not crash the process; the next checkout reconnects.
  pool.on("error", (error) => logger.warn({ err: error, schema }, "outbox relay: idle database connection lost"));
  // Every client keeps an error listener for its whole life: a connection killed right around check-out or
  // release (PostgreSQL restart) may report after `publishBatch` removed its own listener, and an "error"
  // event without a listener crashes the process.
  pool.on("connect", (client) => client.on("error", (error) => logger.debug({ err: error, schema }, "outbox relay: connection lost")));
  const clock = options.clock ?? systemClock;
  const pruneEveryMs = options.pruneEveryMs ?? 10 * 60 * 1000;
  const pruneOnce = createOutboxPruner({
    pool, table, clock, retentionMs: options.retentionMs ?? DEFAULT_OUTBOX_RETENTION_MS, batchSize: options.pruneBatchSize ?? 1_000,
  });
  const sleeper = createSleeper();
  const pruneSleeper = createSleeper();
  let stopped = false;
  /** Set by `wake()`; a wake that arrives mid-drain makes the loop drain again at once (its rows may be past the drain's SELECT). */
  let woken = false;
  /** True while the loop sleeps for lack of work; a backoff after a failure is not cut short by `wake()`. */
  let idling = false;

  async function publishBatch(): Promise<number> {
    const client = await pool.connect();
    // A checked-out pg client emits "error" when its connection dies (PostgreSQL restart); without a listener
    // that would crash the process. The failing query rejects anyway, and the client is discarded below.
    let broken = false;
    const onError = () => {
      broken = true;
    };
    client.on("error", onError);
    try {
      // Lock, stamp and read the batch in one statement; the stamp commits only after the XADD succeeded
      // (a failure rolls it back and the rows stay unpublished). Three round trips per drain instead of four.
      await client.query("BEGIN");
      const { rows } = await client.query<OutboxRowRecord>(
        `UPDATE ${table} AS o SET "publishedAt" = ($2::timestamptz AT TIME ZONE 'UTC')
           FROM (SELECT id FROM ${table} WHERE "publishedAt" IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) AS next
          WHERE o.id = next.id
         RETURNING o.id, o.type, o.version, o."aggregateType", o."aggregateId", o.payload,
                   to_char(o."occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt"`,
        [batchSize, clock.now()],
      );
      if (rows.length > 0) {
        // RETURNING has no order; ids are time-ordered (UUIDv7), and the stream gets them in that order.
        rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        await xaddAll(redis, stream, rows);
      }
      await client.query("COMMIT");
      return rows.length;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.off("error", onError);
      client.release(broken);
    }
  }

  async function drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await publishBatch();
      total += published;
      if (published < batchSize || stopped) return total;
    }
  }

  /**
   * Prunes every `pruneEveryMs` in its own loop (own pool connection), so a long prune never delays publishing,
   * and trims the stream of what every consumer group is done with.
   * A failure is logged and retried at the next interval.
   */
  async function pruneLoop(): Promise<void> {
    while (!stopped) {
      try {
        const deleted = await pruneOnce();
        if (deleted > 0) logger.info({ schema, deleted }, "outbox relay: pruned published rows past retention");
        const trimmed = await trimStream(redis, stream, clock, options.streamRetentionMs);
        if (trimmed > 0) logger.info({ stream, trimmed }, "outbox relay: trimmed stream entries every group is done with");
      } catch (error) {
        logger.warn({ err: error, schema }, "outbox relay: pruning failed, retrying at the next interval");
      }
      if (!stopped) await pruneSleeper.sleep(pruneEveryMs);
    }
  }

  /** One autocommit query: which rows wait (the first `batchSize`)? An idle poll costs this instead of a whole transaction. */
  async function unpublishedIds(): Promise<string[]> {
    const { rows } = await pool.query<{ id: string }>({
      name: `relay-waiting-${schema}`,
      text: `SELECT id FROM ${table} WHERE "publishedAt" IS NULL ORDER BY id LIMIT $1`,
      values: [batchSize],
    });
    return rows.map((r) => r.id);
  }

  // --- publish at commit ---------------------------------------------------------------------------------
  const stampEveryMs = options.stampEveryMs ?? 200;
  const staleAfterMs = options.staleAfterMs ?? 1_000;
  if (!(staleAfterMs > stampEveryMs)) throw new Error(`staleAfterMs (${staleAfterMs}) must be longer than stampEveryMs (${stampEveryMs})`);
  const committed: OutboxRowRecord[] = [];
  let publishing: Promise<void> | null = null;
  /** Published at commit, to be marked: id → when its XADD succeeded. */
  let toStamp = new Map<string, Date>();
  let stampTimer: NodeJS.Timeout | null = null;
  let stamping: Promise<void> = Promise.resolve();

  async function publishCommittedRows(): Promise<void> {
    while (committed.length > 0) {
      const batch = committed.splice(0, batchSize);
      try {
        await xaddAll(redis, stream, batch);
      } catch (error) {
        logger.warn({ err: error, schema, rows: batch.length }, "outbox relay: publish at commit failed; the poll publishes these rows");
        continue;
      }
      const at = clock.now();
      for (const row of batch) toStamp.set(row.id, at);
      if (toStamp.size >= batchSize) stampSoon(0);
      else stampSoon(stampEveryMs);
    }
  }

  function stampSoon(delayMs: number): void {
    if (stampTimer && delayMs > 0) return;
    if (stampTimer) clearTimeout(stampTimer);
    stampTimer = setTimeout(() => {
      stampTimer = null;
      stamping = stamping.then(stampPublished);
    }, delayMs);
  }

  /** Marks the rows published at commit; a failure is logged (the poll then sends them again: duplicates, deduped). */
  async function stampPublished(): Promise<void> {
    if (toStamp.size === 0) return;
    const rows = toStamp;
    toStamp = new Map();
    try {
      await pool.query({
        name: `relay-stamp-${schema}`,
        text: `UPDATE ${table} AS o SET "publishedAt" = (s.at AT TIME ZONE 'UTC')
                 FROM unnest($1::uuid[], $2::timestamptz[]) AS s(id, at)
                WHERE o.id = s.id AND o."publishedAt" IS NULL`,
        values: [[...rows.keys()], [...rows.values()]],
      });
    } catch (error) {
      logger.warn({ err: error, schema, rows: rows.size }, "outbox relay: could not mark rows published at commit; the poll sends them again");
    }
  }

  function publishCommitted(rows: readonly CommittedOutboxRow[]): void {
    if (stopped || rows.length === 0) return;
    for (const row of rows) committed.push({ ...row, occurredAt: row.occurredAt.toISOString() });
    publishing ??= publishCommittedRows().finally(() => {
      publishing = null;
    });
  }

  async function loop(): Promise<void> {
    let failures = 0;
    /** When each waiting row was first seen waiting (performance.now()); null before the first poll, which drains whatever waits. */
    let firstSeen: Map<string, number> | null = null;
    while (!stopped) {
      // A wake means this process just committed rows it did not hand over: drain straight away. A poll drains
      // only rows that were already waiting at the previous poll (see the module comment).
      const wasWoken = woken;
      woken = false;
      try {
        let drain = wasWoken || failures > 0;
        if (!drain) {
          const waiting = await unpublishedIds();
          const now = performance.now();
          const seen: Map<string, number> = new Map(waiting.map((id) => [id, firstSeen?.get(id) ?? now]));
          drain = waiting.length > 0 && (firstSeen === null || [...seen.values()].some((at) => now - at >= staleAfterMs));
          firstSeen = seen;
        }
        if (drain) firstSeen = new Map();
        const published = drain ? await drainOnce() : 0;
        if (published > 0) logger.debug({ schema, stream, published }, "outbox relay: published");
        failures = 0;
      } catch (error) {
        failures += 1;
        logger.warn({ err: error, schema, failures }, "outbox relay: publish failed, retrying");
      }
      // drainOnce stops at a partial batch: the outbox was empty at its last read. Rows committed since then
      // came with a wake(), so only a wake during the drain calls for another drain at once (before, every
      // drain that published was followed by a second, empty one: two transactions per ticket filed).
      if (stopped || (failures === 0 && woken)) continue;
      idling = failures === 0;
      await sleeper.sleep(idling ? idleMs : backoffMs(failures));
      idling = false;
    }
  }

  const running = options.poll === false ? Promise.resolve() : Promise.all([loop(), pruneLoop()]);
  return {
    publishCommitted,
    drainOnce,
    pruneOnce,
    wake() {
      woken = true;
      if (idling) sleeper.wake();
    },
    async stop() {
      stopped = true;
      sleeper.wake();
      pruneSleeper.wake();
      await running;
      await publishing;
      if (stampTimer) clearTimeout(stampTimer);
      stamping = stamping.then(stampPublished);
      await stamping;
      await pool.end();
    },
  };
}

/** One pipeline, so the entries land in the stream in row order. */
async function xaddAll(redis: Redis, stream: string, rows: OutboxRowRecord[]): Promise<void> {
  const pipeline = redis.pipeline();
  for (const row of rows) {
    const envelope = {
      id: row.id,
      type: row.type,
      version: row.version,
      occurredAt: row.occurredAt,
      aggregateType: row.aggregateType,
      aggregateId: row.aggregateId,
      payload: row.payload,
    };
    pipeline.xadd(stream, "*", "type", row.type, "event", JSON.stringify(envelope));
  }
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
}
