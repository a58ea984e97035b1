/**
 * One step of a ticket's history: the TicketTransition row and its `ticket.status_changed` event.
 * `stepRecord` builds them (the matching job writes many at once, matching/assign-picks.ts); `recordStep`
 * writes one.
 */
import { ticketStatusChanged } from "@sysops/events/catalog";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Channel, TicketStatus } from "../generated/prisma/enums.ts";
import { toOutboxRow } from "@sysops/events/outbox";
import type { Actor } from "./state-machine.ts";

export interface Step {
  from: TicketStatus;
  to: TicketStatus;
  actor: Actor;
  channel: Channel;
  reason?: string | undefined;
  expertId: string | null;
  at: Date;
}

export const actorIdOf = (actor: Actor) => (actor.kind === "system" ? actor.id : actor.userId);
export const actorRoleOf = (actor: Actor) => (actor.kind === "system" ? "system" : actor.role);

type TicketRef = { id: string; number: number; customerId: string };

/** The rows of one step, built and validated (the event against the catalog) before anything is written. */
export function stepRecord(ticket: TicketRef, step: Step) {
  const actorId = actorIdOf(step.actor);
  const actorRole = actorRoleOf(step.actor);
  const reason = step.reason?.trim() || undefined;
  return {
    transition: { ticketId: ticket.id, fromStatus: step.from, toStatus: step.to, actorId, actorRole, channel: step.channel, reason: reason ?? null, expertId: step.expertId, at: step.at },
    event: toOutboxRow(ticketStatusChanged, {
      aggregateType: "ticket",
      aggregateId: ticket.id,
      occurredAt: step.at,
      payload: {
        ticketId: ticket.id,
        number: ticket.number,
        customerId: ticket.customerId,
        from: step.from,
        to: step.to,
        actorId,
        actorRole,
        channel: step.channel,
        ...(reason ? { reason } : {}),
        ...(step.expertId ? { expertId: step.expertId } : {}),
        at: step.at.toISOString(),
      },
    }),
  };
}

export async function recordStep(tx: Prisma.TransactionClient, ticket: TicketRef, step: Step): Promise<void> {
  const { transition, event } = stepRecord(ticket, step);
  await tx.ticketTransition.create({ data: transition, select: { id: true } });
  await tx.outboxEvent.create({ data: { ...event, payload: event.payload }, select: { id: true } });
}
