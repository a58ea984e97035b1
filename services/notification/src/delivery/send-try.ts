/**
 * One try of one message, wherever it runs (the direct first try after the consumer's commit, or a BullMQ
 * job): claim the try, hand the message to its provider, record the outcome on the row — attempts,
 * lastError and nextAttemptAt while retries remain, then `sent` (sentAt) or finally `failed`.
 *
 * A message not `queued` any more is never sent again, and each try is claimed by bumping `attempts`
 * conditionally before sending, so two runners of one message (a direct try and a requeued job, or a
 * stalled job run twice) cannot both send. The claim also sets `nextAttemptAt` to a lease
 * (`CLAIM_LEASE_MS`): the periodic requeue leaves a message alone until its lease or its retry time passed.
 *
 * Per message on the hot path: one statement claims the try and returns what to send (`claimTry`), one
 * records it sent. Both are SQL (no Prisma query compiler per message); the rare paths use Prisma.
 */
import type { Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../db/client.ts";
import type { Channel, Providers } from "../providers/provider.ts";
import { retryDelayMs, type RetryPolicy } from "./send-queue.ts";

/** How long a sent message's record is retried through a database outage before the try fails. */
const RECORD_SENT_PATIENCE_MS = 120_000;

/**
 * How long a claimed try keeps the periodic requeue away. Longer than any provider may take (the SMS
 * provider gives up after 5 s; SMTP after at most 2 min to connect, 30 s for the greeting and 2 min of
 * silence: see smtp-email.ts): a try still running when its lease ends may be repeated, which the
 * providers' idempotency keys make harmless. The cost: a message whose try died with its process waits
 * that long for the requeue.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

export type TryOutcome =
  | { kind: "sent"; attempts: number }
  /** Not claimed: already sent or failed, or another runner holds this try. */
  | { kind: "skipped" }
  | { kind: "missing" }
  | { kind: "failed"; attempts: number; final: boolean; error: unknown };

export interface SendTryOptions {
  db: Db;
  providers: Providers;
  logger: Logger;
  clock: Clock;
  retry: RetryPolicy;
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
 * the value this statement's snapshot read (the CTE), so of two runners racing here, the one that waits on
 * the row lock re-checks against the bumped row and claims nothing (PostgreSQL re-evaluates the WHERE on the
 * updated row under READ COMMITTED). Returns what to send, or null when nothing was claimed.
 */
async function claimTry(db: Db, messageId: string, leaseUntil: Date): Promise<ClaimedTry | null> {
  const rows = await db.$queryRaw<ClaimedTry[]>`
    WITH cur AS (SELECT id, attempts FROM "notification"."Message" WHERE id = ${messageId}::uuid AND status = 'queued')
    UPDATE "notification"."Message" m SET attempts = cur.attempts + 1, "nextAttemptAt" = ${leaseUntil}
      FROM cur
     WHERE m.id = cur.id AND m.status = 'queued' AND m.attempts = cur.attempts
    RETURNING m.attempts, m.channel::text AS channel, m.provider, m.kind, m.recipient, m.subject, m.body`;
  return rows[0] ?? null;
}

/** One try of the message with this id (see the module comment). */
export type SendTry = (messageId: string) => Promise<TryOutcome>;

export function createSendTry({ db, providers, logger, clock, retry }: SendTryOptions): SendTry {
  /**
   * The provider has the message: its `sent` record must survive a database outage (PostgreSQL restarting),
   * or the message would stay `queued` and a later try would send it a second time. The write is retried
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

  return async function sendTry(messageId) {
    const message = await claimTry(db, messageId, new Date(clock.now().getTime() + CLAIM_LEASE_MS));
    if (!message) {
      const exists = await db.message.findUnique({ where: { id: messageId }, select: { id: true } });
      return { kind: exists ? "skipped" : "missing" };
    }
    const { attempts } = message;
    try {
      await providers[message.channel].send({ ...message, id: messageId });
    } catch (error) {
      const lastError = error instanceof Error ? error.message : String(error);
      const final = attempts >= retry.attempts;
      await db.message.update({
        where: { id: messageId },
        data: { lastError, status: final ? "failed" : "queued", nextAttemptAt: final ? null : new Date(clock.now().getTime() + retryDelayMs(retry, attempts)) },
      });
      logger.warn({ messageId, provider: message.provider, attempts, final, err: lastError }, "send failed");
      return { kind: "failed", attempts, final, error };
    }
    await recordSent(messageId);
    // debug, not info: one line per message at 200 messages/s was a visible share of this process's CPU; the row records it.
    logger.debug({ messageId, kind: message.kind, provider: message.provider, attempts }, "message sent");
    return { kind: "sent", attempts };
  };
}
