/**
 * What a transition changes besides the status: the holder expert, SLA due times, resolution time, and
 * how the active assignment ends. Pure; `transition-ticket.ts` writes it.
 */
import type { AssignmentStatus, TicketStatus } from "../generated/prisma/enums.ts";
import type { TicketAction } from "./state-machine.ts";

export interface TicketTargets {
  assignTargetMinutes: number;
  acceptTargetMinutes: number;
  resolveTargetMinutes: number;
}

export interface TicketChanges {
  expertId?: string | null;
  assignDueAt?: Date | null;
  acceptDueAt?: Date | null;
  resolveDueAt?: Date | null;
  resolvedAt?: Date | null;
}

export interface Effects {
  changes: TicketChanges;
  /** The active assignment (if any) ends with this status. */
  endAssignment?: Exclude<AssignmentStatus, "active">;
  /** Statuses after the first: a rejection is followed by the system's requeue to `new`. */
  then?: { action: TicketAction; to: TicketStatus };
}

const after = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);

/** Back to matching: no expert, a fresh time-to-assign target, no accept/resolve target running. */
const backToMatching = (now: Date, t: TicketTargets): TicketChanges => ({
  expertId: null,
  assignDueAt: after(now, t.assignTargetMinutes),
  acceptDueAt: null,
  resolveDueAt: null,
});

export function effectsOf(action: TicketAction, t: TicketTargets, now: Date, assignedExpertId?: string): Effects {
  switch (action) {
    case "assign":
      return { changes: { expertId: assignedExpertId ?? null, acceptDueAt: after(now, t.acceptTargetMinutes) } };
    case "accept":
      return { changes: { resolveDueAt: after(now, t.resolveTargetMinutes) } };
    case "reject":
      return { changes: backToMatching(now, t), endAssignment: "rejected", then: { action: "requeue", to: "new" } };
    case "resolve":
      return { changes: { resolvedAt: now }, endAssignment: "completed" };
    case "cancel":
      return { changes: {}, endAssignment: "cancelled" };
    case "reopen":
      return { changes: { ...backToMatching(now, t), resolvedAt: null } };
    case "requeue":
    case "start":
    case "confirm":
    case "autoClose":
    case "escalate":
      return { changes: {} };
  }
}

/** Statuses in which an SLA target runs (time to assign, accept or resolve); other statuses cancel timers. */
export const TIMED_STATUSES: readonly TicketStatus[] = ["new", "assigned", "accepted", "in_progress"];
