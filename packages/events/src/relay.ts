/**
 * Outbox relay: moves unpublished `OutboxEvent` rows of one service schema to a Redis Stream, in id order
 * (ids are time-ordered), then marks them published. Rows are locked with `FOR UPDATE SKIP LOCKED`, so
 * several relays can run at once without publishing a row twice in one pass. At-least-once: if the process
 * dies between XADD and the commit, the rows stay unpublished and are sent again; consumers dedupe by id.
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

  /** One autocommit query: is anything waiting? An idle poll costs this instead of a whole transaction. */
  async function hasUnpublished(): Promise<boolean> {
    const { rows } = await pool.query(`SELECT 1 FROM ${table} WHERE "publishedAt" IS NULL LIMIT 1`);
    return rows.length > 0;
  }

  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      // A wake means this process just committed rows: drain straight away. A poll (rows committed by another
      // process, or left by a failure) first asks whether there is anything at all.
      const wasWoken = woken;
      woken = false;
      try {
        const published = wasWoken || failures > 0 || (await hasUnpublished()) ? await drainOnce() : 0;
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
