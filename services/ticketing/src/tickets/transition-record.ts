/** Writes one step of a ticket's history: the TicketTransition row and its `ticket.status_changed` event. */
import { ticketStatusChanged } from "@sysops/events/catalog";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Channel, TicketStatus } from "../generated/prisma/enums.ts";
import { emit } from "../outbox/outbox.ts";
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

export async function recordStep(tx: Prisma.TransactionClient, ticket: { id: string; number: number; customerId: string }, step: Step): Promise<void> {
  const actorId = actorIdOf(step.actor);
  const actorRole = actorRoleOf(step.actor);
  const reason = step.reason?.trim() || undefined;
  await tx.ticketTransition.create({
    data: { ticketId: ticket.id, fromStatus: step.from, toStatus: step.to, actorId, actorRole, channel: step.channel, reason: reason ?? null, expertId: step.expertId, at: step.at },
    select: { id: true },
  });
  await emit(tx, ticketStatusChanged, {
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
  });
}
