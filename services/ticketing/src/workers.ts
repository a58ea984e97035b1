/**
 * Ticketing's background work, split over its two processes so that a burst of work (matching over every
 * pending ticket, SLA firings) never starves the HTTP API of CPU or database connections:
 *
 * - svc-ticketing (API, `main.ts`) runs `startApiSideWork`: an outbox relay (outbox → Redis Stream) and the
 *   SLA timer queue that transitions schedule on.
 * - svc-ticketing-worker (`worker-main.ts`) runs `startWorkers`: the `ticketing` consumer group (expert
 *   projection, matching triggers), the matching job, the SLA worker, the auto-close sweep, and its own relay.
 *
 * Both relays get the rows a commit of their process wrote, in-process, right after it (`outboxCommitted()`,
 * see @sysops/events/relay-wake), so an event reaches the stream within milliseconds of its commit; their idle
 * polls (once a second) only pick up rows nobody handed over or woke them for. Decision: the worker runs a relay too, so
 * that what it writes (matching's `ticket.assigned` / `escalated`, SLA firings, auto-close) is published at
 * its commit rather than at the API relay's next poll, and still is while the API is down. Several relays are
 * safe (rows are locked with FOR UPDATE SKIP LOCKED, see @sysops/events).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import type { Clock } from "@sysops/events/clock";
import type { OutboxRelay } from "@sysops/events/relay";
import { startWokenOutboxRelay } from "@sysops/events/relay-wake";
import type { Logger } from "@sysops/logger";
import { DB_SCHEMA, type Db } from "./db/client.ts";
import { startTicketingConsumer } from "./events/ticketing-consumer.ts";
import { startMatchingJob, type MatchingJob } from "./matching/job.ts";
import { startSlaScheduler, startSlaWorker } from "./sla/index.ts";
import { startAutoClose } from "./tickets/auto-close.ts";

interface BackgroundOptions {
  db: Db;
  databaseUrl: string;
  redisUrl: string;
  clock: Clock;
  logger: Logger;
  /** Tests use their own stream so parallel suites do not see each other's events. */
  stream?: string;
  /** BullMQ key prefix of the SLA timers (tests use their own). */
  slaPrefix?: string;
}

export interface WorkerOptions extends BackgroundOptions {
  sweepMs?: number;
  /** Minimum time between two triggered matching runs (default in matching/job.ts). */
  matchingMinIntervalMs?: number;
  consumerName?: string;
}

export interface Workers {
  matching: MatchingJob;
  /** Throws when Redis does not answer (the worker's /readyz). */
  checkReady(): Promise<void>;
  stop(): Promise<void>;
}

/** One ioredis connection for the relay or the consumer. */
function connectRedis(url: string, logger: Logger): Redis {
  // ioredis reconnects by itself; keep queued commands while Redis restarts rather than failing them.
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
  return redis;
}

/** A relay this process's commits wake (`outboxCommitted()`). */
function startRelay(opts: BackgroundOptions, redis: Redis): Pick<OutboxRelay, "stop"> {
  return startWokenOutboxRelay({ databaseUrl: opts.databaseUrl, schema: DB_SCHEMA, redis, logger: opts.logger, ...(opts.stream ? { stream: opts.stream } : {}) });
}

export interface ApiSideWork {
  stop(): Promise<void>;
}

/** What the API process runs beside its requests: the outbox relay and the SLA timer queue. */
export function startApiSideWork(opts: BackgroundOptions): ApiSideWork {
  const redis = connectRedis(opts.redisUrl, opts.logger);
  const relay = startRelay(opts, redis);
  const sla = startSlaScheduler({ db: opts.db, redisUrl: opts.redisUrl, logger: opts.logger, clock: opts.clock, ...(opts.slaPrefix ? { prefix: opts.slaPrefix } : {}) });
  let stopping: Promise<void> | null = null;
  return {
    stop: () =>
      (stopping ??= (async () => {
        await relay.stop();
        await sla.stop();
        redis.disconnect();
      })()),
  };
}

/** What svc-ticketing-worker runs. Stops in dependency order: no new work first, then what is running. */
export function startWorkers(opts: WorkerOptions): Workers {
  const { db, logger } = opts;
  const redis = connectRedis(opts.redisUrl, logger);
  const relay = startRelay(opts, redis);
  const matching = startMatchingJob({
    db,
    databaseUrl: opts.databaseUrl,
    clock: opts.clock,
    logger,
    ...(opts.sweepMs !== undefined ? { sweepMs: opts.sweepMs } : {}),
    ...(opts.matchingMinIntervalMs !== undefined ? { minIntervalMs: opts.matchingMinIntervalMs } : {}),
  });
  const consumer = startTicketingConsumer({ db, redis, logger, onMatchingWork: (kind, ticketId) => matching.trigger(kind, ticketId), ...(opts.stream ? { stream: opts.stream } : {}), ...(opts.consumerName ? { consumerName: opts.consumerName } : {}) });
  // Matching is pending work from before this process started (events consumed by a previous one).
  matching.trigger();
  const sla = startSlaWorker({ db, redisUrl: opts.redisUrl, logger, clock: opts.clock, ...(opts.slaPrefix ? { prefix: opts.slaPrefix } : {}) });
  const stopAutoClose = startAutoClose(db, opts.clock, logger, 60_000);
  let stopping: Promise<void> | null = null;
  const stopAll = async () => {
    await stopAutoClose();
    await consumer.stop();
    await sla.stop();
    await matching.stop();
    await relay.stop();
    redis.disconnect();
  };
  return {
    matching,
    async checkReady() {
      // Commands queue while Redis is away (maxRetriesPerRequest: null): answer "not ready" instead of hanging.
      const cancel = new AbortController();
      const timeout = sleep(2_000, undefined, { signal: cancel.signal }).then(() => Promise.reject(new Error("redis did not answer within 2 s")));
      try {
        await Promise.race([redis.ping(), timeout]);
      } finally {
        cancel.abort();
      }
    },
    stop: () => (stopping ??= stopAll()),
  };
}
