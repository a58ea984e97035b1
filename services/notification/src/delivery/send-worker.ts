/**
 * Sends queued messages (BullMQ worker on `notification-send`). Each try is recorded on the message:
 * attempts, lastError, nextAttemptAt while retries remain, then `sent` (sentAt) or finally `failed`.
 * A message not `queued` any more is never sent again, and each try is claimed by bumping `attempts`
 * conditionally before sending, so two runs of one job cannot both send.
 *
 * Per message on the hot path: one statement claims the try and returns what to send (`claimTry`), one
 * records it sent. Both are SQL (no Prisma query compiler per message); the rare paths use Prisma.
 */
import type { Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Db } from "../db/client.ts";
import type { Channel, Providers } from "../providers/provider.ts";
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

interface ClaimedTry {
  attempts: number;
  channel: Channel;
  provider: string;
  kind: string;
  recipient: string;
  subject: string | null;
  body: string;
}

/**
 * Claims the next try of a `queued` message in one statement: `attempts` is bumped only if it still holds
 * the value this statement's snapshot read (the CTE), so of two runs of one job racing here, the one that
 * waits on the row lock re-checks against the bumped row and claims nothing (PostgreSQL re-evaluates the
 * WHERE on the updated row under READ COMMITTED). Returns what to send, or null when nothing was claimed.
 */
async function claimTry(db: Db, messageId: string): Promise<ClaimedTry | null> {
  const rows = await db.$queryRaw<ClaimedTry[]>`
    WITH cur AS (SELECT id, attempts FROM "notification"."Message" WHERE id = ${messageId}::uuid AND status = 'queued')
    UPDATE "notification"."Message" m SET attempts = cur.attempts + 1
      FROM cur
     WHERE m.id = cur.id AND m.status = 'queued' AND m.attempts = cur.attempts
    RETURNING m.attempts, m.channel::text AS channel, m.provider, m.kind, m.recipient, m.subject, m.body`;
  return rows[0] ?? null;
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
        await db.$executeRaw`
          UPDATE "notification"."Message" SET status = 'sent', "sentAt" = ${clock.now()}, "nextAttemptAt" = NULL, "lastError" = NULL
           WHERE id = ${messageId}::uuid`;
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        logger.warn({ messageId, err }, "sent, but recording it failed; retrying the record (not the send)");
        await sleep(500);
      }
    }
  }

  async function process(job: Job<SendJob>): Promise<void> {
    const messageId = job.data.messageId;
    // Claim this try atomically: a stalled job run twice by BullMQ cannot send the same message twice.
    const message = await claimTry(db, messageId);
    if (!message) {
      // Already sent or failed, or another run claimed this try; only a missing row is an error.
      if (!(await db.message.findUnique({ where: { id: messageId }, select: { id: true } }))) throw new Error(`message ${messageId} not found`);
      return;
    }
    const { attempts } = message;
    try {
      await providers[message.channel].send({ ...message, id: messageId });
    } catch (cause) {
      const lastError = cause instanceof Error ? cause.message : String(cause);
      const final = attempts >= retry.attempts;
      await db.message.update({
        where: { id: messageId },
        data: { lastError, status: final ? "failed" : "queued", nextAttemptAt: final ? null : new Date(clock.now().getTime() + retryDelayMs(retry, attempts)) },
      });
      logger.warn({ messageId, provider: message.provider, attempts, final, err: lastError }, "send failed");
      throw cause;
    }
    await recordSent(messageId);
    // debug, not info: one line per message at 200 messages/s was a visible share of this process's CPU; the row records it.
    logger.debug({ messageId, kind: message.kind, provider: message.provider, attempts }, "message sent");
  }

  const worker = new Worker<SendJob>(SEND_QUEUE, process, {
    connection: opts.connection,
    concurrency: opts.concurrency ?? 8,
    ...(opts.prefix ? { prefix: opts.prefix } : {}),
  });
  worker.on("error", (err) => logger.error({ err }, "send worker error"));
  return { close: () => worker.close() };
}
