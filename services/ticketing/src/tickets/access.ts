import { forbidden, invalid, notFound } from "@sysops/domain-errors";
import type { Caller } from "@sysops/internal-auth";
import type { TicketChannel } from "./ticket-input.ts";

const isCustomer = (caller: Caller): caller is Extract<Caller, { kind: "user" }> => caller.kind === "user" && caller.role === "customer";

/** A customer's view is limited to their own tickets; others' look like they do not exist. */
export function assertMayReadCustomerTickets(caller: Caller, customerId: string): void {
  if (isCustomer(caller) && caller.customerId !== customerId) throw notFound("Customer", customerId);
}

/** Customers read their own tickets, experts the tickets they hold; others' look like they do not exist. */
export function assertMayReadTicket(caller: Caller, ticket: { id: string; customerId: string; expertId?: string | null }): void {
  if (isCustomer(caller) && caller.customerId !== ticket.customerId) throw notFound("Ticket", ticket.id);
  if (caller.kind === "user" && caller.role === "expert" && ticket.expertId !== caller.userId) throw notFound("Ticket", ticket.id);
}

/** Customers file for themselves on the web; agents file for a caller on the phone. */
export function assertMayFileTicket(caller: Caller, customerId: string, channel: TicketChannel): void {
  if (caller.kind !== "user") throw forbidden("Tickets are filed by customers and agents");
  if (caller.role === "customer") {
    if (caller.customerId !== customerId) throw notFound("Customer", customerId);
    if (channel !== "web") throw invalid("channel", "Customers file tickets on the web");
  } else if (caller.role === "agent") {
    if (channel !== "phone") throw invalid("channel", "Agents file tickets taken on the phone");
  } else {
    throw forbidden("Tickets are filed by customers and agents");
  }
}
