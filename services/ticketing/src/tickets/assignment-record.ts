/**
 * A matching result: the Assignment row (with its explanation) and the `ticket.assigned` event.
 * `assignmentRecord` builds them (matching/assign-picks.ts writes a run's at once); `recordAssignment` writes one.
 */
import { randomUUID } from "node:crypto";
import { ticketAssigned } from "@sysops/events/catalog";
import { toOutboxRow } from "@sysops/events/outbox";
import type { Prisma } from "../generated/prisma/client.ts";

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

type TicketRef = { id: string; number: number; customerId: string };

/** The Assignment row and its `ticket.assigned` event (validated); the event names the row as its explanation. */
export function assignmentRecord(ticket: TicketRef, a: NewAssignment, at: Date) {
  const id = randomUUID();
  return {
    assignment: {
      id,
      ticketId: ticket.id,
      expertId: a.expertId,
      distanceKm: a.distanceKm,
      cost: a.cost,
      arrivalWindowStart: a.arrivalWindowStart,
      arrivalWindowEnd: a.arrivalWindowEnd,
      explanation: a.explanation,
      createdAt: at,
    },
    event: toOutboxRow(ticketAssigned, {
      aggregateType: "ticket",
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
    }),
  };
}

export async function recordAssignment(tx: Prisma.TransactionClient, ticket: TicketRef, a: NewAssignment, at: Date): Promise<string> {
  const { assignment, event } = assignmentRecord(ticket, a, at);
  await tx.assignment.create({ data: assignment, select: { id: true } });
  await tx.outboxEvent.create({ data: { ...event, payload: event.payload }, select: { id: true } });
  return assignment.id;
}
