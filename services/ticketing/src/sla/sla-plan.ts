/**
 * Which SLA timers a ticket has running, and when each fires. Pure. A target runs during one phase:
 * time to assign while `new`, to accept while `assigned`, to resolve while `accepted` or `in_progress`.
 * The due time is stored on the ticket (phase start + target), so the warning is due − 20 % of the target.
 */
import type { SlaFiringKind, SlaTarget, TicketStatus } from "../generated/prisma/enums.ts";

export const WARNING_SHARE = 0.8;

export interface TimedTicket {
  id: string;
  status: TicketStatus;
  assignDueAt: Date | null;
  acceptDueAt: Date | null;
  resolveDueAt: Date | null;
  assignTargetMinutes: number;
  acceptTargetMinutes: number;
  resolveTargetMinutes: number;
}

export interface SlaTimer {
  ticketId: string;
  target: SlaTarget;
  kind: SlaFiringKind;
  /** The target's due time on the ticket when the timer was planned (a stale timer no longer matches it). */
  dueAt: Date;
  /** When the phase started (due − target): a firing recorded before it belongs to an earlier run of the phase. */
  phaseStartedAt: Date;
  fireAt: Date;
}

const PHASES: Record<SlaTarget, readonly TicketStatus[]> = {
  assign: ["new"],
  accept: ["assigned"],
  resolve: ["accepted", "in_progress"],
};

export const SLA_TARGETS = Object.keys(PHASES) as SlaTarget[];
export const SLA_KINDS: readonly SlaFiringKind[] = ["warning", "breach"];

/** The target running while the ticket has this status, if any. */
export function runningTarget(status: TicketStatus): SlaTarget | null {
  return SLA_TARGETS.find((target) => PHASES[target].includes(status)) ?? null;
}

export function dueAtOf(ticket: Omit<TimedTicket, "id" | "status">, target: SlaTarget): Date | null {
  return target === "assign" ? ticket.assignDueAt : target === "accept" ? ticket.acceptDueAt : ticket.resolveDueAt;
}

const minutesOf = (ticket: Omit<TimedTicket, "id" | "status">, target: SlaTarget) =>
  target === "assign" ? ticket.assignTargetMinutes : target === "accept" ? ticket.acceptTargetMinutes : ticket.resolveTargetMinutes;

/** The warning and breach timers of the ticket's running target; none when no target runs or no due time is set. */
export function timersFor(ticket: TimedTicket): SlaTimer[] {
  const target = runningTarget(ticket.status);
  const dueAt = target && dueAtOf(ticket, target);
  if (!target || !dueAt) return [];
  const targetMs = minutesOf(ticket, target) * 60_000;
  const phaseStartedAt = new Date(dueAt.getTime() - targetMs);
  return [
    { ticketId: ticket.id, target, kind: "warning", dueAt, phaseStartedAt, fireAt: new Date(dueAt.getTime() - (1 - WARNING_SHARE) * targetMs) },
    { ticketId: ticket.id, target, kind: "breach", dueAt, phaseStartedAt, fireAt: dueAt },
  ];
}

/** When the target's current run started, from its due time and length. */
export function phaseStartOf(ticket: Omit<TimedTicket, "id" | "status">, target: SlaTarget): Date | null {
  const dueAt = dueAtOf(ticket, target);
  return dueAt && new Date(dueAt.getTime() - minutesOf(ticket, target) * 60_000);
}

/** A firing counts for the current run of its target only if recorded after that run started. */
export const firedInThisPhase = (firedAt: Date, phaseStartedAt: Date) => firedAt.getTime() >= phaseStartedAt.getTime();

/** Deterministic BullMQ job id: rescheduling replaces, a duplicate add is ignored. */
export const slaJobId = (ticketId: string, target: SlaTarget, kind: SlaFiringKind) => `sla.${ticketId}.${target}.${kind}`;

/** Still the same phase and the same due time as when the timer was planned? */
export function timerStillApplies(ticket: Omit<TimedTicket, "id">, timer: Pick<SlaTimer, "target" | "dueAt">): boolean {
  return runningTarget(ticket.status) === timer.target && dueAtOf(ticket, timer.target)?.getTime() === timer.dueAt.getTime();
}
