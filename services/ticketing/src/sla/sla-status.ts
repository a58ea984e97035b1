import { notFound } from "@sysops/domain-errors";
import type { Db } from "../db/client.ts";
import type { SlaFiringKind, SlaTarget } from "../generated/prisma/enums.ts";
import { timersFor } from "./sla-plan.ts";
import { timedTicketSelect } from "./sla-timers.ts";

export interface SlaStatus {
  /** The target running now (null once resolved, closed, cancelled or escalated). */
  running: { target: SlaTarget; warnAt: Date; dueAt: Date } | null;
  breached: boolean;
  firings: { target: SlaTarget; kind: SlaFiringKind; firedAt: Date }[];
}

/** A ticket's SLA at a glance, for staff screens. */
export async function getSlaStatus(db: Db, ticketId: string): Promise<SlaStatus> {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: { ...timedTicketSelect, slaBreached: true, slaFirings: { select: { target: true, kind: true, firedAt: true }, orderBy: { firedAt: "asc" } } },
  });
  if (!ticket) throw notFound("Ticket", ticketId);
  const [warning, breach] = timersFor(ticket);
  return {
    running: warning && breach ? { target: warning.target, warnAt: warning.fireAt, dueAt: breach.dueAt } : null,
    breached: ticket.slaBreached,
    firings: ticket.slaFirings,
  };
}
