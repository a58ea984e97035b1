/**
 * The BullMQ queue `notification-send`: one job per message (job id = message id, so adding the same
 * message twice is a no-op while its job exists), retried with exponential backoff. It carries the tries
 * that do not happen right after the consumer's commit (see dispatcher.ts): retries after a failed direct
 * try, the overflow of a burst, and messages the periodic requeue finds.
 * @see https://docs.bullmq.io/guide/retrying-failing-jobs
 */
import { Queue, type ConnectionOptions } from "bullmq";

export const SEND_QUEUE = "notification-send";

export interface SendJob {
  messageId: string;
}

/** A message to send: its channel decides its place in the queue (see `enqueue`). */
export interface QueuedMessage {
  id: string;
  channel: "email" | "sms";
}

/**
 * E-mails go behind SMS: BullMQ takes jobs without a priority before prioritized ones, so an expert's SMS
 * (a new or cancelled assignment: someone is about to drive somewhere) never waits behind a backlog of
 * customer e-mails. Decision: e-mails keep their order among themselves (one priority for all of them).
 * @see https://docs.bullmq.io/guide/jobs/prioritized
 */
export const EMAIL_PRIORITY = 1;

export interface RetryPolicy {
  /** Total tries per message, the first included. */
  attempts: number;
  /** First retry delay; each next one doubles. */
  backoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, backoffMs: 1_000 };

/** The delay BullMQ waits before try `attempt + 1` after `attempt` failed tries (exponential). */
export const retryDelayMs = (policy: RetryPolicy, failedAttempts: number) => policy.backoffMs * 2 ** (failedAttempts - 1);

export interface SendQueue {
  /**
   * Adds a job per message. `failedTries` (default 0) tries already failed: the job then waits the delay
   * that follows them and makes only the tries that remain, with the backoff continuing where they left
   * off (BullMQ's exponential backoff is `delay * 2^(failures - 1)` counted per job, so the job's base
   * delay is shifted by the tries made before it).
   */
  enqueue(messages: QueuedMessage[], failedTries?: number): Promise<void>;
  close(): Promise<void>;
}

export interface SendQueueOptions {
  connection: ConnectionOptions;
  /** Redis key prefix (tests use their own). */
  prefix?: string;
  retry?: RetryPolicy;
}

export function createSendQueue({ connection, prefix, retry = DEFAULT_RETRY }: SendQueueOptions): SendQueue {
  const queue = new Queue<SendJob>(SEND_QUEUE, { connection, ...(prefix ? { prefix } : {}) });
  return {
    async enqueue(messages, failedTries = 0) {
      if (messages.length === 0) return;
      if (failedTries >= retry.attempts) throw new Error(`no tries left after ${failedTries} failed ones`);
      await queue.addBulk(
        messages.map(({ id, channel }) => ({
          name: "send",
          data: { messageId: id },
          opts: {
            jobId: id,
            ...(channel === "email" ? { priority: EMAIL_PRIORITY } : {}),
            ...(failedTries > 0 ? { delay: retryDelayMs(retry, failedTries) } : {}),
            attempts: retry.attempts - failedTries,
            backoff: { type: "exponential", delay: retry.backoffMs * 2 ** failedTries },
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
    },
    close: () => queue.close(),
  };
}
