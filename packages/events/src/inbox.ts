/**
 * The consumer's inbox: the ids of the events a service's consumer groups already processed, in its
 * `ProcessedEvent` table keyed by (eventId, consumerGroup), written in the same transaction as the handler's
 * effect. Several groups may share one schema; each processes an event once.
 */
import { qualifiedTable } from "./sql-identifier.ts";

/** What the consumer needs from a transaction: Prisma's `tx.$queryRawUnsafe` fits it. */
export interface InboxTransaction {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** What the consumer needs from the database: a `PrismaClient` fits it (interactive transactions). */
export interface TransactionalDb<Tx extends InboxTransaction> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R>;
}

/**
 * Records the events' ids for the group in one statement; returns the ids this group had not processed yet
 * (each once, even when the batch holds an event twice). The caller runs the handlers of those only.
 */
export async function recordProcessedMany(tx: InboxTransaction, schema: string, eventIds: string[], consumerGroup: string): Promise<Set<string>> {
  const rows = await tx.$queryRawUnsafe<{ eventId: string }[]>(
    `INSERT INTO ${qualifiedTable(schema, "ProcessedEvent")} ("eventId", "consumerGroup", "processedAt")
     SELECT DISTINCT id, $2, now() AT TIME ZONE 'UTC' FROM unnest($1::uuid[]) AS id
     ON CONFLICT DO NOTHING RETURNING "eventId"::text AS "eventId"`,
    eventIds,
    consumerGroup,
  );
  return new Set(rows.map((r) => r.eventId));
}

/** One event: false if this group already processed it (the caller then skips the handler). */
export async function recordProcessed(tx: InboxTransaction, schema: string, eventId: string, consumerGroup: string): Promise<boolean> {
  return (await recordProcessedMany(tx, schema, [eventId], consumerGroup)).size > 0;
}
