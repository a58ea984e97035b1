/**
 * Re-adds a job for every `queued` message (at start and periodically): messages survive a Redis that
 * lost its jobs. Existing jobs are untouched (the job id is the message id).
 */
import type { Db } from "../db/client.ts";
import type { SendQueue } from "./send-queue.ts";

export async function requeueQueued(db: Db, queue: SendQueue, batch = 500): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.message.findMany({
      where: { status: "queued", ...(cursor ? { id: { gt: cursor } } : {}) },
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
