/**
 * Fires one SLA timer, exactly once: under a row lock on the ticket (so a concurrent transition waits or
 * has already moved it on), check it is still in the timer's phase with the same due time, record the
 * `SlaFiring` (once per run of the phase: a ticket back in `new` after a rejection gets its assign timers
 * again, so a row from an earlier run is overwritten), and emit the event; a breach also marks the ticket.
 * Every firing takes the ticket's row lock first, so the read-then-write on `SlaFiring` cannot race.
 */
import { ticketSlaBreached, ticketSlaWarning } from "@sysops/events/catalog";
import type { Clock } from "@sysops/events/clock";
import { DB_SCHEMA, type Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { emit } from "../outbox/outbox.ts";
import { outboxCommitted } from "@sysops/events/relay-wake";
import { firedInThisPhase, phaseStartOf, timerStillApplies, type SlaTimer } from "./sla-plan.ts";

export type FireResult = "fired" | "already-fired" | "stale";

const lockTicket = (tx: Prisma.TransactionClient, ticketId: string) =>
  tx.$queryRawUnsafe(`SELECT 1 FROM "${DB_SCHEMA}"."Ticket" WHERE id = $1::uuid FOR UPDATE`, ticketId);

export async function fireSlaTimer(db: Db, clock: Clock, timer: Pick<SlaTimer, "ticketId" | "target" | "kind" | "dueAt">): Promise<FireResult> {
  const result = await db.$transaction(async (tx): Promise<FireResult> => {
    await lockTicket(tx, timer.ticketId);
    const ticket = await tx.ticket.findUnique({
      where: { id: timer.ticketId },
      select: { status: true, number: true, customerId: true, assignDueAt: true, acceptDueAt: true, resolveDueAt: true, assignTargetMinutes: true, acceptTargetMinutes: true, resolveTargetMinutes: true },
    });
    if (!ticket || !timerStillApplies(ticket, timer)) return "stale";
    const key = { ticketId: timer.ticketId, target: timer.target, kind: timer.kind };
    const earlier = await tx.slaFiring.findUnique({ where: { ticketId_target_kind: key }, select: { firedAt: true } });
    const phaseStartedAt = phaseStartOf(ticket, timer.target) ?? timer.dueAt;
    if (earlier && firedInThisPhase(earlier.firedAt, phaseStartedAt)) return "already-fired";
    const firedAt = clock.now();
    await tx.slaFiring.upsert({ where: { ticketId_target_kind: key }, create: { ...key, firedAt }, update: { firedAt } });
    const payload = { ticketId: timer.ticketId, number: ticket.number, customerId: ticket.customerId, target: timer.target, dueAt: timer.dueAt.toISOString() };
    if (timer.kind === "breach") {
      // Not a status change: the version stays, so a transition in flight is not refused because of it.
      await tx.ticket.update({ where: { id: timer.ticketId }, data: { slaBreached: true } });
      await emit(tx, ticketSlaBreached, { aggregateId: timer.ticketId, occurredAt: firedAt, payload });
    } else {
      await emit(tx, ticketSlaWarning, { aggregateId: timer.ticketId, occurredAt: firedAt, payload });
    }
    return "fired";
  });
  if (result === "fired") outboxCommitted();
  return result;
}
