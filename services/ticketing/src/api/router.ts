import { z } from "zod";
import { createTicket } from "../tickets/create-ticket.ts";
import { countTicketsByStatus, listCustomerTickets, listExpertTickets, searchTickets } from "../tickets/read-tickets.ts";
import { assignmentExplanations, getTicketDetail, ticketHistory } from "../tickets/ticket-detail.ts";
import { createTicketInput, searchTicketsInput } from "../tickets/ticket-input.ts";
import { searchAllTickets, ticketSearchInput } from "../tickets/ticket-search.ts";
import { slaRouter } from "../sla/index.ts";
import { surveysRouter } from "../surveys/index.ts";
import { transitionProcedures } from "./transition-procedures.ts";
import { requireRole, router } from "./trpc.ts";

const ticketIdInput = z.object({ ticketId: z.uuid("Not a ticket id") });

export const ticketingRouter = router({
  tickets: router({
    create: requireRole("customer", "agent")
      .input(createTicketInput)
      .mutation(({ ctx, input }) => createTicket(ctx.db, ctx.customers, ctx.caller, input, ctx.clock)),
    listForCustomer: requireRole("customer", "agent", "admin", "manager")
      .input(z.object({ customerId: z.uuid("Not a customer id") }))
      .query(({ ctx, input }) => listCustomerTickets(ctx.db, ctx.caller, input.customerId)),
    listForExpert: requireRole("expert").query(({ ctx }) => listExpertTickets(ctx.db, ctx.caller.userId)),
    search: requireRole("agent", "admin", "manager")
      .input(searchTicketsInput)
      .query(({ ctx, input }) => searchTickets(ctx.db, input.query, input.limit)),
    /** The helpdesk's filtered, keyset-paged search over all tickets (tickets/ticket-search.ts). */
    searchAll: requireRole("agent", "admin", "manager")
      .input(ticketSearchInput)
      .query(({ ctx, input }) => searchAllTickets(ctx.db, input, ctx.clock.now())),
    get: requireRole("customer", "agent", "admin", "manager", "expert", "service")
      .input(ticketIdInput)
      .query(({ ctx, input }) => getTicketDetail(ctx.db, ctx.caller, input.ticketId, ctx.clock.now())),
    history: requireRole("customer", "agent", "admin", "manager", "expert", "service")
      .input(ticketIdInput)
      .query(({ ctx, input }) => ticketHistory(ctx.db, ctx.caller, input.ticketId)),
    assignmentExplanation: requireRole("agent", "manager", "admin")
      .input(ticketIdInput)
      .query(({ ctx, input }) => assignmentExplanations(ctx.db, input.ticketId)),
    ...transitionProcedures,
    countsByStatus: requireRole("manager", "admin").query(({ ctx }) => countTicketsByStatus(ctx.db)),
  }),
  sla: router(slaRouter),
  surveys: router(surveysRouter),
});

export type TicketingRouter = typeof ticketingRouter;
export type { TicketView } from "../tickets/ticket-view.ts";
export type { SlaState, TicketSearchPage } from "../tickets/ticket-search.ts";
export type { TicketStatus } from "../generated/prisma/enums.ts";
