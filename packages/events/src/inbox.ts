/**
 * The consumer's inbox: the ids of the events a service's consumer groups already processed, in its
 * `ProcessedEvent` table keyed by (eventId, consumerGroup), written in the same transaction as the handler's
 * effect. Several groups may share one schema; each processes an event once.
 */
import { qualifiedTable } from "./sql-identifier.ts";

/** What the consumer needs from a transaction: Prisma's `tx.$executeRawUnsafe` fits it. */
export interface InboxTransaction {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** What the consumer needs from the database: a `PrismaClient` fits it (interactive transactions). */
export interface TransactionalDb<Tx extends InboxTransaction> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R>;
}

/** Records the event id for the group; false if this group already processed it (the caller then skips the handler). */
export async function recordProcessed(tx: InboxTransaction, schema: string, eventId: string, consumerGroup: string): Promise<boolean> {
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO ${qualifiedTable(schema, "ProcessedEvent")} ("eventId", "consumerGroup", "processedAt")
     VALUES ($1::uuid, $2, now() AT TIME ZONE 'UTC') ON CONFLICT DO NOTHING`,
    eventId,
    consumerGroup,
  );
  return inserted > 0;
}
