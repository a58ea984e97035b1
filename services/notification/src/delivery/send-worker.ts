/**
 * Sends queued messages (BullMQ worker on `notification-send`). Each try is recorded on the message:
 * attempts, lastError, nextAttemptAt while retries remain, then `sent` (sentAt) or finally `failed`.
 * A message not `queued` any more is never sent again, and each try is claimed by bumping `attempts`
 * conditionally before sending, so two runs of one job cannot both send.
 */
import type { Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Db } from "../db/client.ts";
import type { Providers } from "../providers/provider.ts";
import { DEFAULT_RETRY, retryDelayMs, SEND_QUEUE, type RetryPolicy, type SendJob } from "./send-queue.ts";

/** How long a sent message's record is retried through a database outage before the job fails. */
const RECORD_SENT_PATIENCE_MS = 120_000;

export interface SendWorkerOptions {
  db: Db;
  providers: Providers;
  connection: ConnectionOptions;
  logger: Logger;
  clock: Clock;
  prefix?: string;
  retry?: RetryPolicy;
  concurrency?: number;
}

export function startSendWorker(opts: SendWorkerOptions): { close(): Promise<void> } {
  const { db, providers, logger, clock, retry = DEFAULT_RETRY } = opts;

  /**
   * The provider has the message: its `sent` record must survive a database outage (PostgreSQL restarting),
   * or the message would stay `queued` and the next try would send it a second time. The write is retried
   * until it lands (bounded); only a crash of this process inside that window can still lead to a resend.
   */
  async function recordSent(messageId: string): Promise<void> {
    const deadline = Date.now() + RECORD_SENT_PATIENCE_MS;
    for (;;) {
      try {
        await db.message.update({ where: { id: messageId }, data: { status: "sent", sentAt: clock.now(), nextAttemptAt: null, lastError: null } });
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        logger.warn({ messageId, err }, "sent, but recording it failed; retrying the record (not the send)");
        await sleep(500);
      }
    }
  }

  async function process(job: Job<SendJob>): Promise<void> {
    const message = await db.message.findUnique({ where: { id: job.data.messageId } });
    if (!message) throw new Error(`message ${job.data.messageId} not found`);
    if (message.status !== "queued") return;
    // Claim this try atomically: a stalled job run twice by BullMQ cannot send the same message twice.
    const attempts = message.attempts + 1;
    const claimed = await db.message.updateMany({ where: { id: message.id, status: "queued", attempts: message.attempts }, data: { attempts } });
    if (claimed.count === 0) return;
    try {
      await providers[message.channel].send(message);
    } catch (cause) {
      const lastError = cause instanceof Error ? cause.message : String(cause);
      const final = attempts >= retry.attempts;
      await db.message.update({
        where: { id: message.id },
        data: { lastError, status: final ? "failed" : "queued", nextAttemptAt: final ? null : new Date(clock.now().getTime() + retryDelayMs(retry, attempts)) },
      });
      logger.warn({ messageId: message.id, provider: message.provider, attempts, final, err: lastError }, "send failed");
      throw cause;
    }
    await recordSent(message.id);
    logger.info({ messageId: message.id, kind: message.kind, provider: message.provider, attempts }, "message sent");
  }

  const worker = new Worker<SendJob>(SEND_QUEUE, process, {
    connection: opts.connection,
    concurrency: opts.concurrency ?? 8,
    ...(opts.prefix ? { prefix: opts.prefix } : {}),
  });
  worker.on("error", (err) => logger.error({ err }, "send worker error"));
  return { close: () => worker.close() };
}
