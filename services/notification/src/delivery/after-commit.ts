/**
 * Send jobs are added after the consumer's transaction commits, so a job never runs before its message
 * row exists (which would cost a backoff delay). The consumer gets a wrapped db whose `$transaction`
 * collects the ids the handler recorded and enqueues them after the commit. A crash between commit and
 * enqueue leaves the messages `queued`; `requeueQueued` (at start, then periodically) adds their jobs.
 */
import type { TransactionalDb } from "@sysops/events/consumer";
import type { Db } from "../db/client.ts";
import type { Tx } from "./record-messages.ts";
import type { QueuedMessage, SendQueue } from "./send-queue.ts";

export interface AfterCommitQueue {
  /** For `startConsumer({ db })`. */
  db: TransactionalDb<Tx>;
  /** Called by handlers inside the transaction. */
  enqueueAfterCommit: (tx: Tx, messages: QueuedMessage[]) => void;
}

export function createAfterCommitQueue(db: Db, queue: SendQueue): AfterCommitQueue {
  const pending = new WeakMap<Tx, QueuedMessage[]>();
  return {
    db: {
      async $transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
        const messages: QueuedMessage[] = [];
        const result = await db.$transaction((tx) => {
          pending.set(tx, messages);
          return fn(tx);
        });
        await queue.enqueue(messages);
        return result;
      },
    },
    enqueueAfterCommit: (tx, queued) => {
      const messages = pending.get(tx);
      if (!messages) throw new Error("enqueueAfterCommit outside a consumer transaction");
      messages.push(...queued);
    },
  };
}
