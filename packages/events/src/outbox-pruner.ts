/**
 * Outbox pruning: deletes published `OutboxEvent` rows older than the retention, in bounded batches (one short
 * transaction per batch, so pruning never holds long locks or bloats one transaction). Unpublished rows are
 * never touched: the WHERE clause requires `publishedAt` set, and rows a relay is publishing right now are
 * skipped (`SKIP LOCKED`). The cut-off comes from the injected clock, the same clock the relay stamps
 * `publishedAt` with.
 */
import type pg from "pg";
import type { Clock } from "./clock.ts";

export const DEFAULT_OUTBOX_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export interface OutboxPrunerOptions {
  pool: pg.Pool;
  /** `"schema"."OutboxEvent"`, already validated (qualifiedTable). */
  table: string;
  clock: Clock;
  /** Published rows older than this are deleted. */
  retentionMs: number;
  /** Rows deleted per statement. */
  batchSize: number;
}

/** Deletes every expired published row, batch after batch; returns how many it deleted. */
export function createOutboxPruner({ pool, table, clock, retentionMs, batchSize }: OutboxPrunerOptions): () => Promise<number> {
  if (!(retentionMs > 0)) throw new Error(`outbox retention must be a positive number of ms, got ${retentionMs}`);
  if (!(Number.isInteger(batchSize) && batchSize > 0)) throw new Error(`outbox prune batch size must be a positive integer, got ${batchSize}`);
  return async function pruneOnce(): Promise<number> {
    // One cut-off for the whole pass, so a pass ends even while rows keep expiring.
    const cutoff = new Date(clock.now().getTime() - retentionMs);
    let total = 0;
    for (;;) {
      const { rowCount } = await pool.query(
        `DELETE FROM ${table} WHERE id IN (
           SELECT id FROM ${table} WHERE "publishedAt" IS NOT NULL AND "publishedAt" < ($1::timestamptz AT TIME ZONE 'UTC')
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [cutoff, batchSize],
      );
      const deleted = rowCount ?? 0;
      total += deleted;
      if (deleted < batchSize) return total;
    }
  };
}
