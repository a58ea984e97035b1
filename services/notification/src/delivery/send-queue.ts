/**
 * The BullMQ queue `notification-send`: one job per message (job id = message id, so adding the same
 * message twice is a no-op while its job exists), retried with exponential backoff.
 * @see https://docs.bullmq.io/guide/retrying-failing-jobs
 */
import { Queue, type ConnectionOptions } from "bullmq";

export const SEND_QUEUE = "notification-send";

export interface SendJob {
  messageId: string;
}

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
  enqueue(messageIds: string[]): Promise<void>;
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
    async enqueue(messageIds) {
      if (messageIds.length === 0) return;
      await queue.addBulk(
        messageIds.map((messageId) => ({
          name: "send",
          data: { messageId },
          opts: {
            jobId: messageId,
            attempts: retry.attempts,
            backoff: { type: "exponential", delay: retry.backoffMs },
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
    },
    close: () => queue.close(),
  };
}
