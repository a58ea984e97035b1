/**
 * Ticketing's background work beside its HTTP API: the outbox relay (outbox → Redis Stream), the
 * `ticketing` consumer group (expert projection, matching triggers), the matching job, the SLA timers
 * (BullMQ, see sla/) and the auto-close sweep of resolved tickets past their reopen window.
 */
import { Redis } from "ioredis";
import type { Clock } from "@sysops/events/clock";
import { startOutboxRelay } from "@sysops/events/relay";
import type { Logger } from "@sysops/logger";
import { DB_SCHEMA, type Db } from "./db/client.ts";
import { startTicketingConsumer } from "./events/ticketing-consumer.ts";
import { startMatchingJob, type MatchingJob } from "./matching/job.ts";
import { startSlaWorker } from "./sla/index.ts";
import { startAutoClose } from "./tickets/auto-close.ts";

export interface WorkerOptions {
  db: Db;
  databaseUrl: string;
  redisUrl: string;
  clock: Clock;
  logger: Logger;
  /** Tests use their own stream so parallel suites do not see each other's events. */
  stream?: string;
  sweepMs?: number;
  consumerName?: string;
  /** BullMQ key prefix of the SLA timers (tests use their own). */
  slaPrefix?: string;
}

export interface Workers {
  matching: MatchingJob;
  stop(): Promise<void>;
}

export function startWorkers(opts: WorkerOptions): Workers {
  const { db, logger } = opts;
  // ioredis reconnects by itself; keep queued commands while Redis restarts rather than failing them.
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
  const stream = opts.stream ? { stream: opts.stream } : {};
  const relay = startOutboxRelay({ databaseUrl: opts.databaseUrl, schema: DB_SCHEMA, redis, logger, ...stream });
  const matching = startMatchingJob({ db, databaseUrl: opts.databaseUrl, clock: opts.clock, logger, ...(opts.sweepMs !== undefined ? { sweepMs: opts.sweepMs } : {}) });
  const consumer = startTicketingConsumer({ db, redis, logger, onMatchingWork: () => matching.trigger(), ...stream, ...(opts.consumerName ? { consumerName: opts.consumerName } : {}) });
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
    stop: () => (stopping ??= stopAll()),
  };
}
