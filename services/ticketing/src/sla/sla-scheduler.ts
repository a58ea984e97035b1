/**
 * The producing half of the SLA timers, for a process that does not run the SLA worker (svc-ticketing's API
 * process): it registers a BullMQ queue as the SLA runtime, so a transition made through the API schedules
 * and cancels its timers right after commit. svc-ticketing-worker's `startSlaWorker` fires them.
 */
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { systemClock, type Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import type { Db } from "../db/client.ts";
import { useSlaRuntime, type SlaJobData } from "./sla-timers.ts";

/** The BullMQ queue of the SLA timers (worker and scheduler must agree). */
export const SLA_QUEUE = "sla-timers";

export interface SlaSchedulerOptions {
  db: Db;
  redisUrl: string;
  logger: Logger;
  clock?: Clock;
  /** BullMQ key prefix (tests use their own). */
  prefix?: string;
}

export interface SlaScheduler {
  stop(): Promise<void>;
}

export function startSlaScheduler(options: SlaSchedulerOptions): SlaScheduler {
  const { logger } = options;
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  connection.on("error", (error) => logger.warn({ err: error }, "SLA scheduler redis connection error"));
  const queue = new Queue<SlaJobData>(SLA_QUEUE, { connection, prefix: options.prefix ?? "sysops" });
  useSlaRuntime({ db: options.db, queue, clock: options.clock ?? systemClock, logger });
  return {
    async stop() {
      useSlaRuntime(null);
      await queue.close();
      connection.disconnect();
    },
  };
}
