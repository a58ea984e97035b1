/**
 * Transactional outbox: an event is a row written in the same transaction as the change it describes, so
 * either both commit or neither does. A relay publishes unpublished rows to Redis Streams.
 * @see https://microservices.io/patterns/data/transactional-outbox.html
 */
import type { Prisma } from "../generated/prisma/client.ts";

export interface OutboxEventInput {
  aggregateType: "ticket";
  aggregateId: string;
  /** e.g. `ticket.created`; with `version`, the contract consumers rely on. */
  type: string;
  version: number;
  payload: Prisma.InputJsonObject;
  occurredAt?: Date;
}

export async function recordEvent(tx: Prisma.TransactionClient, event: OutboxEventInput): Promise<void> {
  await tx.outboxEvent.create({ data: event, select: { id: true } });
}
