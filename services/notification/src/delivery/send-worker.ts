/**
 * Runs queued tries (BullMQ worker on `notification-send`): each job is one `sendTry` (`tries.next`) of its message; a
 * failed try that leaves tries throws, so BullMQ retries the job after its backoff.
 */
import { Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Logger } from "@sysops/logger";
import { SEND_QUEUE, type SendJob } from "./send-queue.ts";
import type { SendTry } from "./send-try.ts";

export interface SendWorkerOptions {
  sendTry: SendTry;
  connection: ConnectionOptions;
  logger: Logger;
  prefix?: string;
  concurrency?: number;
}

export function startSendWorker(opts: SendWorkerOptions): { close(): Promise<void> } {
  async function process(job: Job<SendJob>): Promise<void> {
    const outcome = await opts.sendTry(job.data.messageId);
    if (outcome.kind === "missing") throw new Error(`message ${job.data.messageId} not found`);
    if (outcome.kind === "failed") throw outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
  }

  const worker = new Worker<SendJob>(SEND_QUEUE, process, {
    connection: opts.connection,
    concurrency: opts.concurrency ?? 8,
    ...(opts.prefix ? { prefix: opts.prefix } : {}),
  });
  worker.on("error", (err) => opts.logger.error({ err }, "send worker error"));
  return { close: () => worker.close() };
}
