/**
 * Runs the SLA timers: a BullMQ worker that fires due jobs, a sweep at start and every `sweepEveryMs`
 * (recreates jobs lost with Redis, fires overdue ones), and registers the runtime for `scheduleFor`/`cancelFor`.
 * @see https://docs.bullmq.io/guide/jobs/delayed
 */
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { systemClock, type Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import type { Db } from "../db/client.ts";
import { fireSlaTimer } from "./fire-sla.ts";
import { DEFAULT_SWEEP_HORIZON_MS, reconcileSla } from "./reconcile-sla.ts";
import { SLA_QUEUE } from "./sla-scheduler.ts";
import { useSlaRuntime, type SlaJobData, type SlaRuntime } from "./sla-timers.ts";

export interface SlaWorkerOptions {
  db: Db;
  redisUrl: string;
  logger: Logger;
  clock?: Clock;
  /** BullMQ key prefix (tests use their own). */
  prefix?: string;
  queueName?: string;
  /** 0 disables the periodic sweep (the start-up sweep still runs). */
  sweepEveryMs?: number;
}

export interface SlaWorker {
  runtime: SlaRuntime;
  /** Settles after the start-up sweep (it never rejects: a failed sweep is logged and retried on the next). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function startSlaWorker(options: SlaWorkerOptions): SlaWorker {
  const { db, logger } = options;
  const clock = options.clock ?? systemClock;
  const name = options.queueName ?? SLA_QUEUE;
  const prefix = options.prefix ?? "sysops";
  // BullMQ workers block on Redis: their connection must not give up on retries.
  const connection = () => {
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    redis.on("error", (error) => logger.warn({ err: error }, "SLA redis connection error"));
    return redis;
  };
  const queueConnection = connection();
  const workerConnection = connection();
  const queue = new Queue<SlaJobData>(name, { connection: queueConnection, prefix });
  const runtime: SlaRuntime = { db, queue, clock, logger };
  const worker = new Worker<SlaJobData>(
    name,
    async (job) => {
      const { ticketId, target, kind, dueAt } = job.data;
      const result = await fireSlaTimer(db, clock, { ticketId, target, kind, dueAt: new Date(dueAt) });
      logger.info({ ticketId, target, kind, result }, "SLA timer");
      return result;
    },
    { connection: workerConnection, prefix, concurrency: 4 },
  );
  worker.on("failed", (job, error) => logger.warn({ err: error, jobId: job?.id }, "SLA timer job failed"));
  worker.on("error", (error) => logger.warn({ err: error }, "SLA worker error"));
  useSlaRuntime(runtime);

  const sweepEveryMs = options.sweepEveryMs ?? 60_000;
  // Jobs for what fires before the sweep after next, so a job lost with Redis is back in time.
  const sweep = (): Promise<void> =>
    reconcileSla(clock, runtime, Math.max(DEFAULT_SWEEP_HORIZON_MS, 2 * sweepEveryMs)).then(
      (r) => (r.fired > 0 ? logger.info(r, "SLA sweep fired overdue timers") : undefined),
      (error: unknown) => logger.warn({ err: error }, "SLA sweep failed"),
    );
  const ready = sweep();
  const interval = options.sweepEveryMs === 0 ? null : setInterval(() => void sweep(), sweepEveryMs);

  return {
    runtime,
    ready,
    async stop() {
      if (interval) clearInterval(interval);
      await ready;
      useSlaRuntime(null);
      await worker.close();
      await queue.close();
      queueConnection.disconnect();
      workerConnection.disconnect();
    },
  };
}
