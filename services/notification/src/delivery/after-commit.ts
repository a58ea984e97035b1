/**
 * Send jobs are added after the consumer's transaction commits, so a job never runs before its message
 * row exists (which would cost a backoff delay). The consumer gets a wrapped db whose `$transaction`
 * collects the ids the handler recorded and enqueues them after the commit. A crash between commit and
 * enqueue leaves the messages `queued`; `requeueQueued` (at start, then periodically) adds their jobs.
 */
import type { TransactionalDb } from "@sysops/events/consumer";
import type { Db } from "../db/client.ts";
import type { Tx } from "./record-messages.ts";
import type { SendQueue } from "./send-queue.ts";

export interface AfterCommitQueue {
  /** For `startConsumer({ db })`. */
  db: TransactionalDb<Tx>;
  /** Called by handlers inside the transaction. */
  enqueueAfterCommit: (tx: Tx, messageIds: string[]) => void;
}

export function createAfterCommitQueue(db: Db, queue: SendQueue): AfterCommitQueue {
  const pending = new WeakMap<Tx, string[]>();
  return {
    db: {
      async $transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
        const ids: string[] = [];
        const result = await db.$transaction((tx) => {
          pending.set(tx, ids);
          return fn(tx);
        });
        await queue.enqueue(ids);
        return result;
      },
    },
    enqueueAfterCommit: (tx, messageIds) => {
      const ids = pending.get(tx);
      if (!ids) throw new Error("enqueueAfterCommit outside a consumer transaction");
      ids.push(...messageIds);
    },
  };
}
