import type { TRPCRouterRecord } from "@trpc/server";
import { notFound } from "@sysops/domain-errors";
import { customerProcedure, requireRole } from "../trpc.ts";
import { createTicketInput, searchTicketsInput, ticketIdInput } from "./inputs.ts";
import { toTicketDTO } from "./ticket-dto.ts";

const SEARCH_LIMIT = 50;

export const ticketsRouter = {
  /** A customer files a ticket on the web; who and how come from the session, not the browser. */
  create: customerProcedure.input(createTicketInput).mutation(async ({ ctx, input }) => {
    const view = await ctx.services.ticketing.tickets.create.mutate({ ...input, customerId: ctx.customerId, channel: "web" });
    return toTicketDTO(view);
  }),

  mine: customerProcedure.query(async ({ ctx }) => {
    const views = await ctx.services.ticketing.tickets.listForCustomer.query({ customerId: ctx.customerId });
    return views.map(toTicketDTO);
  }),

  /** Customers see their own tickets only (the service checks too); staff see any. */
  get: requireRole("customer", "agent", "manager", "admin")
    .input(ticketIdInput)
    .query(async ({ ctx, input }) => {
      const view = await ctx.services.ticketing.tickets.get.query({ ticketId: input.ticketId });
      if (ctx.caller.role === "customer" && view.customerId !== ctx.caller.customerId) throw notFound("Ticket", input.ticketId);
      return toTicketDTO(view);
    }),

  search: requireRole("agent", "manager", "admin")
    .input(searchTicketsInput)
    .query(async ({ ctx, input }) => {
      const views = await ctx.services.ticketing.tickets.search.query({ query: input.query, limit: SEARCH_LIMIT });
      return views.map(toTicketDTO);
    }),
} satisfies TRPCRouterRecord;
