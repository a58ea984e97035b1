/**
 * The ticket state machine: the single place that says which transition is allowed from which status, by
 * whom, and with what input. A refused transition throws a DomainError: `conflict` when the status does not
 * allow it, `forbidden` for the wrong role or expert, `not_found` for another customer's ticket, `invalid`
 * (field named) for a missing reason/notes or a closed reopen window. Pure (no I/O, time passed in); `transition-ticket.ts` applies the result.
 *
 * `rejected` is transient: an expert's rejection moves the ticket to `rejected` and, in the same
 * transaction, the system requeues it to `new` for matching (that expert is then excluded).
 */
import { conflict, DomainError, forbidden, invalid, notFound } from "@sysops/domain-errors";
import type { Caller } from "@sysops/internal-auth";
import type { TicketStatus } from "../generated/prisma/enums.ts";

export type TicketAction = "assign" | "accept" | "reject" | "requeue" | "start" | "resolve" | "cancel" | "confirm" | "autoClose" | "reopen" | "escalate";

/** The actions people take (each has a procedure); the others are ticketing's own (matching, timers, sweeps). */
export const PERSON_ACTIONS = ["accept", "reject", "start", "resolve", "cancel", "confirm", "reopen", "escalate"] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];

/** Who acts: a signed-in user, or ticketing itself (matching, SLA timers, the auto-close sweep). */
export type Actor = { kind: "user"; userId: string; role: string; customerId?: string } | { kind: "system"; id: string };

/** A service caller has no rule in the state machine (role "service"), so it is refused there too. */
export const actorOf = (caller: Caller): Actor =>
  caller.kind === "service"
    ? { kind: "user", userId: caller.service, role: "service" }
    : { kind: "user", userId: caller.userId, role: caller.role, ...(caller.customerId ? { customerId: caller.customerId } : {}) };

type ActorRole = "customer" | "agent" | "expert" | "system";

/** What must hold beyond the role: the caller is the ticket's expert / owner, and time limits on resolution. */
type Condition = "assigned-expert" | "owner" | "owner-within-reopen-window" | "reopen-window-passed";

export interface TransitionRule {
  action: TicketAction;
  role: ActorRole;
  from: readonly TicketStatus[];
  to: TicketStatus;
  condition?: Condition;
  /** The input field that must be non-empty: a rejection/cancel/escalation reason, resolution notes. */
  requires?: "reason" | "notes";
}

/** A resolved ticket can be reopened by its customer for 7 days; after that it closes automatically. */
export const REOPEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

const BEFORE_WORK: readonly TicketStatus[] = ["new", "assigned", "accepted"];
const OPEN: readonly TicketStatus[] = ["new", "assigned", "accepted", "in_progress"];

export const TRANSITIONS: readonly TransitionRule[] = [
  { action: "assign", role: "system", from: ["new"], to: "assigned" },
  { action: "accept", role: "expert", from: ["assigned"], to: "accepted", condition: "assigned-expert" },
  { action: "reject", role: "expert", from: ["assigned"], to: "rejected", condition: "assigned-expert", requires: "reason" },
  { action: "requeue", role: "system", from: ["rejected"], to: "new" },
  { action: "start", role: "expert", from: ["accepted"], to: "in_progress", condition: "assigned-expert" },
  { action: "resolve", role: "expert", from: ["in_progress"], to: "resolved", condition: "assigned-expert", requires: "notes" },
  { action: "cancel", role: "customer", from: BEFORE_WORK, to: "cancelled", condition: "owner" },
  { action: "cancel", role: "agent", from: [...OPEN, "escalated"], to: "cancelled", requires: "reason" },
  { action: "confirm", role: "customer", from: ["resolved"], to: "closed", condition: "owner" },
  { action: "autoClose", role: "system", from: ["resolved"], to: "closed", condition: "reopen-window-passed" },
  { action: "reopen", role: "customer", from: ["resolved"], to: "new", condition: "owner-within-reopen-window" },
  { action: "escalate", role: "agent", from: OPEN, to: "escalated", requires: "reason" },
  { action: "escalate", role: "system", from: OPEN, to: "escalated", requires: "reason" },
];

export interface TicketFacts {
  id: string;
  status: TicketStatus;
  customerId: string;
  expertId: string | null;
  resolvedAt: Date | null;
}

export interface TransitionRequest {
  action: TicketAction;
  actor: Actor;
  reason?: string | undefined;
  notes?: string | undefined;
}

const roleOf = (actor: Actor): string => (actor.kind === "system" ? "system" : actor.role);

function conditionHolds(condition: Condition, ticket: TicketFacts, actor: Actor, now: Date): DomainError | null {
  if (actor.kind === "user" && condition === "assigned-expert") {
    return ticket.expertId === actor.userId ? null : forbidden(`Ticket ${ticket.id} is not assigned to you`);
  }
  const owns = actor.kind === "user" && actor.customerId === ticket.customerId;
  // Another customer's ticket looks like it does not exist (same as reading it).
  if (condition === "owner" || condition === "owner-within-reopen-window") {
    if (!owns) return notFound("Ticket", ticket.id);
    if (condition === "owner") return null;
  }
  const resolvedFor = ticket.resolvedAt ? now.getTime() - ticket.resolvedAt.getTime() : 0;
  if (condition === "owner-within-reopen-window") {
    return resolvedFor <= REOPEN_WINDOW_MS ? null : invalid("status", "A ticket can be reopened only within 7 days of its resolution");
  }
  if (condition === "reopen-window-passed") {
    return resolvedFor > REOPEN_WINDOW_MS ? null : invalid("status", "The ticket is still within its 7-day reopen window");
  }
  return forbidden();
}

/** The rule that lets `actor` take `action` on `ticket` now (its input aside), or the DomainError saying why not. */
function ruleOrRefusal(ticket: TicketFacts, action: TicketAction, actor: Actor, now: Date): TransitionRule | DomainError {
  const role = roleOf(actor);
  const rule = TRANSITIONS.find((r) => r.action === action && r.role === role);
  if (!rule) return forbidden(`A ${role} may not ${action} a ticket`);
  if (rule.condition) {
    const refused = conditionHolds(rule.condition, ticket, actor, now);
    if (refused) return refused;
  }
  if (!rule.from.includes(ticket.status)) return conflict(`Cannot ${action} ticket ${ticket.id}: it is ${ticket.status}`);
  return rule;
}

/**
 * The rule that allows `request` on `ticket` now; otherwise throws a DomainError saying why not.
 */
export function decideTransition(ticket: TicketFacts, request: TransitionRequest, now: Date): TransitionRule {
  const rule = ruleOrRefusal(ticket, request.action, request.actor, now);
  if (rule instanceof DomainError) throw rule;
  if (rule.requires && !request[rule.requires]?.trim()) {
    throw invalid(rule.requires, rule.requires === "notes" ? "Describe how the problem was resolved" : `Give a reason to ${request.action} the ticket`);
  }
  return rule;
}

/**
 * What `actor` may do to `ticket` now, from the same table `decideTransition` enforces (input aside: a
 * reason or notes is asked for when the action is taken). Screens offer exactly these; the order is
 * PERSON_ACTIONS' order.
 */
export function allowedActions(ticket: TicketFacts, actor: Actor, now: Date): PersonAction[] {
  return PERSON_ACTIONS.filter((action) => !(ruleOrRefusal(ticket, action, actor, now) instanceof DomainError));
}
