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
 * A message's first try is claimed when the message is written (record-messages.ts: the row is inserted with
 * `attempts = 1` and the lease, and the insert returns what to send), so the try right after the consumer's
 * commit (`tries.claimed`) sends without a statement of its own; a first try that will not run now (a burst's
 * overflow, a closing process) gives its claim back (`tries.release`) and is queued. Every later try claims
 * itself (`tries.next`: one statement claims and returns what to send). "Sent" is recorded by one UPDATE for
 * all the messages whose providers answered while the previous such UPDATE ran (`sentRecorder`). Per message
 * on the hot path that is half a statement instead of two; all SQL (no Prisma query compiler per message),
 * the rare paths use Prisma.
 */
import type { Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import { setTimeout as sleep } from "node:timers/promises";
import type { SqlQueryable } from "@sysops/db/sql";
import type { Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
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
  /** The hot path's pool: claims, "sent" records and releases (db/client.ts, `createSql`). */
  sql: SqlQueryable;
  providers: Providers;
  logger: Logger;
  clock: Clock;
  retry: RetryPolicy;
}

/** A message whose try is claimed: everything needed to send it. */
export interface ClaimedMessage {
  id: string;
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
async function claimTry(sql: SqlQueryable, messageId: string, leaseUntil: Date): Promise<ClaimedMessage | null> {
  const rows = await sql.query<ClaimedMessage>(Prisma.sql`
    WITH cur AS (SELECT id, attempts FROM "notification"."Message" WHERE id = ${messageId}::uuid AND status = 'queued')
    UPDATE "notification"."Message" m SET attempts = cur.attempts + 1, "nextAttemptAt" = ${leaseUntil}
      FROM cur
     WHERE m.id = cur.id AND m.status = 'queued' AND m.attempts = cur.attempts
    RETURNING m.id, m.attempts, m.channel::text AS channel, m.provider, m.kind, m.recipient, m.subject, m.body`);
  return rows[0] ?? null;
}

/** One try of the message with this id, claiming it first (see the module comment). */
export type SendTry = (messageId: string) => Promise<TryOutcome>;

export interface SendTries {
  /** Claims the message's next try and makes it (a queued job). */
  next: SendTry;
  /** Makes a try already claimed: a message's first, claimed when it was written. */
  claimed(message: ClaimedMessage): Promise<TryOutcome>;
  /** Gives back the first tries claimed at write time that will not run now: their jobs claim them again. */
  release(messageIds: readonly string[]): Promise<void>;
}

/**
 * Records messages as sent, many per statement: a message whose provider answered while the previous UPDATE
 * was running waits for that one and goes with the next (no delay when nothing is running, one statement for
 * a burst). The provider has the message: its `sent` record must survive a database outage (PostgreSQL
 * restarting), or the message would stay `queued` and a later try would send it a second time. The write is
 * retried until it lands (bounded); only a crash of this process inside that window can still lead to a resend.
 */
function createSentRecorder({ sql, clock, logger }: Pick<SendTryOptions, "sql" | "clock" | "logger">): (messageId: string) => Promise<void> {
  let waiting: { id: string; done: () => void; failed: (err: unknown) => void }[] = [];
  let writing = false;

  async function write(ids: string[]): Promise<void> {
    const deadline = Date.now() + RECORD_SENT_PATIENCE_MS;
    for (;;) {
      try {
        await sql.query(Prisma.sql`
          UPDATE "notification"."Message" SET status = 'sent', "sentAt" = ${clock.now()}, "nextAttemptAt" = NULL, "lastError" = NULL
           WHERE id = ANY(${ids}::uuid[])`);
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        logger.warn({ messages: ids.length, err }, "sent, but recording it failed; retrying the record (not the send)");
        await sleep(500);
      }
    }
  }

  async function flush(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await write(batch.map((w) => w.id));
        for (const w of batch) w.done();
      } catch (err) {
        for (const w of batch) w.failed(err);
      }
    }
    writing = false;
  }

  return (id) =>
    new Promise<void>((done, failed) => {
      waiting.push({ id, done, failed });
      if (!writing) void flush();
    });
}

export function createSendTries({ db, sql, providers, logger, clock, retry }: SendTryOptions): SendTries {
  const recordSent = createSentRecorder({ sql, clock, logger });

  async function attempt(message: ClaimedMessage): Promise<TryOutcome> {
    const { attempts, id: messageId } = message;
    try {
      await providers[message.channel].send(message);
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
  }

  return {
    async next(messageId) {
      const message = await claimTry(sql, messageId, new Date(clock.now().getTime() + CLAIM_LEASE_MS));
      if (message) return attempt(message);
      const exists = await db.message.findUnique({ where: { id: messageId }, select: { id: true } });
      return { kind: exists ? "skipped" : "missing" };
    },
    claimed: attempt,
    async release(messageIds) {
      if (messageIds.length === 0) return;
      await sql.query(Prisma.sql`
        UPDATE "notification"."Message" SET attempts = attempts - 1, "nextAttemptAt" = NULL
         WHERE id = ANY(${[...messageIds]}::uuid[]) AND status = 'queued' AND attempts = 1`);
    },
  };
}

/** When a first try claimed at write time is leased until (record-messages.ts). */
export const firstTryLease = (clock: Clock) => new Date(clock.now().getTime() + CLAIM_LEASE_MS);
