/**
 * Where a committed message's first try runs. Decision: right away, in this process (`tries.claimed` straight
 * after the consumer's commit: the try was claimed when the message was written), not through the BullMQ queue. The queue's round trip (add, fetch and
 * complete: three Lua scripts, and a worker poll in between) was the largest share of the created → SMS
 * time at 100 tickets/s (bench:sms, "→ sent" stage) and a visible share of this service's CPU per message.
 * The queue keeps what needs it:
 * - retries: a failed direct try hands the tries left to the queue (`enqueue(…, failedTries)`), with the
 *   backoff continuing where the direct try left off;
 * - bursts: beyond `maxInFlight` direct tries at once, messages give their claim back and are queued (SMS
 *   ahead of e-mails); so does everything dispatched after `close()`;
 * - outages: a direct try that could not record its outcome (database down) becomes a job;
 * - crashes: a message whose direct try never finished stays `queued` under its claim lease, and the
 *   periodic requeue adds its job once the lease passed (requeue.ts).
 */
import type { Logger } from "@sysops/logger";
import type { QueuedMessage, SendQueue } from "./send-queue.ts";
import type { ClaimedMessage, SendTries } from "./send-try.ts";

export interface Dispatcher {
  /** Starts the (claimed) first try of each message, or queues it when too many are in flight; resolves once the overflow is queued. */
  dispatch(messages: ClaimedMessage[]): Promise<void>;
  /** No more direct tries; waits for the running ones. */
  close(): Promise<void>;
}

export interface DispatcherOptions {
  tries: SendTries;
  queue: SendQueue;
  logger: Logger;
  /** Direct tries running at once (default 32). */
  maxInFlight?: number;
}

const smsFirst = (a: QueuedMessage, b: QueuedMessage) => Number(a.channel === "email") - Number(b.channel === "email");

export function createDispatcher({ tries, queue, logger, maxInFlight = 32 }: DispatcherOptions): Dispatcher {
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  /** The tries a queued job still has to make after this first try, as failed tries so far; null: none. */
  async function firstTry(message: ClaimedMessage): Promise<number | null> {
    try {
      const outcome = await tries.claimed(message);
      return outcome.kind === "failed" && !outcome.final ? outcome.attempts : null;
    } catch (err) {
      // The try could not record its outcome (PostgreSQL restarting, say): a job tries again with the queue's backoff.
      logger.warn({ err, messageId: message.id }, "a direct send try could not run; queueing the message");
      return 0;
    }
  }

  async function tryThenHandOver(message: ClaimedMessage): Promise<void> {
    const failedTries = await firstTry(message);
    if (failedTries === null) return;
    await queue.enqueue([message], failedTries).catch((err: unknown) =>
      logger.warn({ err, messageId: message.id }, "queueing failed; the periodic requeue takes the message once its claim lease or retry time passed"),
    );
  }

  return {
    async dispatch(messages) {
      const overflow: QueuedMessage[] = [];
      for (const message of [...messages].sort(smsFirst)) {
        if (closed || inFlight.size >= maxInFlight) {
          overflow.push(message);
          continue;
        }
        const running = tryThenHandOver(message).finally(() => inFlight.delete(running));
        inFlight.add(running);
      }
      if (overflow.length === 0) return;
      // Their claims go back, so their jobs make every try; if that fails, the jobs claim anyway (one try fewer).
      await tries.release(overflow.map((m) => m.id)).catch((err: unknown) => logger.warn({ err, messages: overflow.length }, "could not give back first-try claims; queueing anyway"));
      await queue.enqueue(overflow);
    },
    async close() {
      closed = true;
      await Promise.all(inFlight);
    },
  };
}
