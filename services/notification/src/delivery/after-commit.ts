/**
 * Messages are dispatched (first try, or a send job) after the consumer's transaction commits, so no try
 * runs before its message row exists. The consumer gets a wrapped db whose `$transaction` collects the ids
 * the handler recorded and dispatches them after the commit. A crash between commit and dispatch leaves the
 * messages `queued`; `requeueQueued` (at start, then periodically) adds their jobs.
 */
import type { TransactionalDb } from "@sysops/events/consumer";
import type { SqlPool } from "@sysops/db/sql";
import type { Tx } from "./record-messages.ts";
import type { Dispatcher } from "./dispatcher.ts";
import type { ClaimedMessage } from "./send-try.ts";

export interface AfterCommitQueue {
  /** For `startConsumer({ db })`. */
  db: TransactionalDb<Tx>;
  /** Called by handlers inside the transaction. */
  enqueueAfterCommit: (tx: Tx, messages: ClaimedMessage[]) => void;
}

export function createAfterCommitQueue(sql: SqlPool, dispatcher: Dispatcher): AfterCommitQueue {
  const pending = new WeakMap<Tx, ClaimedMessage[]>();
  return {
    db: {
      async $transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
        const messages: ClaimedMessage[] = [];
        const result = await sql.transaction((tx) => {
          pending.set(tx, messages);
          return fn(tx);
        });
        await dispatcher.dispatch(messages);
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
