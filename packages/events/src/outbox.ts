/**
 * Producer side of the transactional outbox: a service writes the row returned here into its own
 * `OutboxEvent` table inside the same transaction as the state change, e.g.
 * `await tx.outboxEvent.create({ data: toOutboxRow(ticketCreated, { aggregateType: "ticket", aggregateId, payload }) })`.
 */
import type { z } from "zod";
import type { EventDefinition } from "./define-event.ts";
import { uuidV7 } from "./uuid-v7.ts";

export interface OutboxInput<D extends EventDefinition> {
  aggregateType: string;
  aggregateId: string;
  payload: z.input<D["payload"]>;
  /** Defaults to now; pass the caller's `Clock` time where time is controlled. */
  occurredAt?: Date;
}

export interface OutboxRow<D extends EventDefinition> {
  /** Time-ordered (UUIDv7): the relay publishes in id order. */
  id: string;
  type: D["type"];
  version: D["version"];
  aggregateType: string;
  aggregateId: string;
  payload: z.output<D["payload"]>;
  occurredAt: Date;
}

/** Validates the payload against its definition (throws a ZodError if it does not match) and builds the row. */
export function toOutboxRow<D extends EventDefinition>(definition: D, input: OutboxInput<D>): OutboxRow<D> {
  const payload = definition.payload.parse(input.payload) as z.output<D["payload"]>;
  return {
    id: uuidV7(),
    type: definition.type,
    version: definition.version,
    aggregateType: input.aggregateType,
    aggregateId: input.aggregateId,
    payload,
    occurredAt: input.occurredAt ?? new Date(),
  };
}
