/**
 * Re-adds a job for every `queued` message that nobody is trying and that is not waiting for a retry (at
 * start and periodically): messages survive a Redis that lost its jobs and a crash in the middle of a
 * direct try. Skipped: messages whose `nextAttemptAt` is still ahead — a claim lease of a running try or
 * the time of a scheduled retry (send-try.ts). Existing jobs are untouched (the job id is the message id).
 */
import type { Db } from "../db/client.ts";
import type { SendQueue } from "./send-queue.ts";

export async function requeueQueued(db: Db, queue: SendQueue, now: Date, batch = 500): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.message.findMany({
      where: { status: "queued", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }], ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, channel: true },
      orderBy: { id: "asc" },
      take: batch,
    });
    if (rows.length === 0) return total;
    await queue.enqueue(rows);
    total += rows.length;
    cursor = rows.at(-1)!.id;
  }
}
