/** Writes a matching result: the Assignment row (with its explanation) and the `ticket.assigned` event. */
import { ticketAssigned } from "@sysops/events/catalog";
import type { Prisma } from "../generated/prisma/client.ts";
import { emit } from "../outbox/outbox.ts";

export interface NewAssignment {
  expertId: string;
  expertFirstName: string;
  distanceKm: number;
  cost: number;
  arrivalWindowStart: Date;
  arrivalWindowEnd: Date;
  /** The planner's explanation for this ticket (candidates, exclusions by rule, costs, chosen pair). */
  explanation: Prisma.InputJsonObject;
}

export async function recordAssignment(tx: Prisma.TransactionClient, ticket: { id: string; number: number; customerId: string }, a: NewAssignment, at: Date): Promise<string> {
  const { id } = await tx.assignment.create({
    data: {
      ticketId: ticket.id,
      expertId: a.expertId,
      distanceKm: a.distanceKm,
      cost: a.cost,
      arrivalWindowStart: a.arrivalWindowStart,
      arrivalWindowEnd: a.arrivalWindowEnd,
      explanation: a.explanation,
      createdAt: at,
    },
    select: { id: true },
  });
  await emit(tx, ticketAssigned, {
    aggregateId: ticket.id,
    occurredAt: at,
    payload: {
      ticketId: ticket.id,
      number: ticket.number,
      customerId: ticket.customerId,
      expertId: a.expertId,
      expertFirstName: a.expertFirstName,
      arrivalWindowStart: a.arrivalWindowStart.toISOString(),
      arrivalWindowEnd: a.arrivalWindowEnd.toISOString(),
      costKm: a.distanceKm,
      explanationId: id,
    },
  });
  return id;
}
