/**
 * Transactional outbox: an event is a row written in the same transaction as the change it describes, so
 * either both commit or neither does. The relays (`startOutboxRelay`, wired in workers.ts) publish unpublished
 * rows to Redis Streams; a producer calls `outboxCommitted()` (@sysops/events/relay-wake) after its transaction commits.
 * @see https://microservices.io/patterns/data/transactional-outbox.html
 */
import type { EventDefinition } from "@sysops/events/catalog";
import { toOutboxRow, type OutboxInput } from "@sysops/events/outbox";
import type { Prisma } from "../generated/prisma/client.ts";

/** Validates the payload against the catalog definition (a ZodError rolls the transaction back) and inserts it. */
export async function emit<D extends EventDefinition>(tx: Prisma.TransactionClient, definition: D, input: Omit<OutboxInput<D>, "aggregateType">): Promise<void> {
  const row = toOutboxRow(definition, { aggregateType: "ticket", ...input });
  await tx.outboxEvent.create({ data: { ...row, payload: row.payload as Prisma.InputJsonObject }, select: { id: true } });
}
