/**
 * What a live subscriber may see of one stream entry: the ticket events that change a ticket's status,
 * reduced to what a screen needs to refetch (ticket id, number, new status, time), and only for callers
 * allowed to read that ticket. The event carries no `version`: screens refetch the ticket (and its
 * `allowedActions`) rather than patching it from the event.
 */
import { decodeEvent, type AnyEvent } from "@sysops/events/catalog";
import type { UserCaller } from "@sysops/internal-auth";
import type { TicketStatus } from "@sysops/svc-ticketing/api";

export interface LiveTicketChange {
  ticketId: string;
  /** The ticket's integer number (screens show it formatted). */
  number: number;
  status: TicketStatus;
  /** When the change happened (ISO). */
  at: string;
}

type TicketEvent = Extract<AnyEvent, { type: "ticket.created" | "ticket.status_changed" }>;

const isTicketEvent = (event: AnyEvent): event is TicketEvent => event.type === "ticket.created" || event.type === "ticket.status_changed";

/**
 * Who sees what: a customer their own tickets; an expert the steps where they are the ticket's expert (the
 * status_changed event names the holder before/after the step: their assignment, their accept/start/resolve,
 * their rejection, and a cancel or escalation of a ticket they hold, so a ticket leaving them is seen too;
 * the next expert's assignment names the next expert); agents, managers and admins everything.
 */
function mayWatch(caller: UserCaller, event: TicketEvent): boolean {
  switch (caller.role) {
    case "customer":
      return caller.customerId !== undefined && event.payload.customerId === caller.customerId;
    case "expert":
      return event.type === "ticket.status_changed" && event.payload.expertId === caller.userId;
    case "agent":
    case "manager":
    case "admin":
      return true;
    default:
      return false;
  }
}

/** The change `caller` may see in the stream entry's `event` JSON, or null (other event, not theirs, malformed). */
export function visibleChange(caller: UserCaller, eventJson: string | undefined): LiveTicketChange | null {
  if (eventJson === undefined) return null;
  const decoded = decodeEvent(eventJson);
  if (!decoded.ok || !isTicketEvent(decoded.event) || !mayWatch(caller, decoded.event)) return null;
  const { event } = decoded;
  return event.type === "ticket.created"
    ? { ticketId: event.payload.ticketId, number: event.payload.number, status: "new", at: event.payload.createdAt }
    : { ticketId: event.payload.ticketId, number: event.payload.number, status: event.payload.to as TicketStatus, at: event.payload.at };
}
