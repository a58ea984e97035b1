/**
 * Helpdesk console procedures. Call-center agents do everything here; managers and admins may read tickets
 * (search, ticket page); admins may also look callers up (the customer service lets agents and admins).
 * Filing for a caller and cancel/escalate are the agent's: the service records channel `phone` for them.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { notFound } from "@sysops/domain-errors";
import { toTicketDTO } from "../tickets/ticket-dto.ts";
import { requireRole } from "../trpc.ts";
import { dayRange, toHelpdeskTicketDTO, toSearchRowDTO } from "./helpdesk-dto.ts";
import { callerInput, fileForCallerInput, findCallerInput, helpdeskActionInput, helpdeskTicketInput, ticketSearchInput } from "./inputs.ts";

const PAGE_SIZE = 25;
/** What the ticket service reads as a ticket number (`T-000012`, `T12`, `12`); digits may also be part of a phone. */
const TICKET_NUMBER = /^\s*(?:t-?)?\d{1,9}\s*$/i;

export const helpdeskRouter = {
  /** Callers whose name, email or phone contains the query; a ticket number also finds that ticket's customer (listed first). */
  findCaller: requireRole("agent", "admin")
    .input(findCallerInput)
    .query(async ({ ctx, input }) => {
      const { customer, ticketing } = ctx.services;
      const [byTicket, byDetails] = await Promise.all([
        TICKET_NUMBER.test(input.query) ? ticketing.tickets.search.query({ query: input.query, limit: 1 }) : Promise.resolve([]),
        customer.customers.search.query({ query: input.query }),
      ]);
      const owners = await Promise.all(byTicket.map((t) => customer.customers.get.query({ customerId: t.customerId })));
      const seen = new Set<string>();
      return [...owners.map((c, i) => ({ ...c, viaTicket: byTicket[i]!.number })), ...byDetails.map((c) => ({ ...c, viaTicket: null }))]
        .filter((c) => !seen.has(c.id) && seen.add(c.id))
        .map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone, viaTicket: c.viaTicket }));
    }),

  /** The chosen caller: contact, products (to file for) and default address, and their tickets, newest first. */
  caller: requireRole("agent", "admin")
    .input(callerInput)
    .query(async ({ ctx, input }) => {
      const [profile, tickets] = await Promise.all([
        ctx.services.customer.customers.get.query({ customerId: input.customerId }),
        ctx.services.ticketing.tickets.listForCustomer.query({ customerId: input.customerId }),
      ]);
      return {
        id: profile.id,
        name: profile.name,
        email: profile.email,
        phone: profile.phone,
        defaultAddress: profile.defaultAddress,
        plan: profile.plan.name,
        products: profile.products.map((p) => ({ id: p.id, name: p.name, category: p.category })),
        tickets: tickets.slice(0, 10).map(toTicketDTO),
      };
    }),

  /** Files what the caller tells on the phone; the service records channel `phone` and checks the product is theirs. */
  fileForCaller: requireRole("agent")
    .input(fileForCallerInput)
    .mutation(async ({ ctx, input }) => {
      // The form's idempotency key goes along: a replay (double submit, retried request) returns the first ticket.
      const view = await ctx.services.ticketing.tickets.create.mutate({
        customerId: input.customerId,
        productId: input.productId,
        description: input.description,
        serviceAddress: input.serviceAddress,
        channel: "phone",
        idempotencyKey: input.idempotencyKey,
      });
      return toTicketDTO(view);
    }),

  /** All tickets, filtered, newest first, one keyset page at a time (`cursor` = the previous page's `nextCursor`). */
  searchTickets: requireRole("agent", "manager", "admin")
    .input(ticketSearchInput)
    .query(async ({ ctx, input }) => {
      const { createdFrom, createdTo, ...filters } = input.filters;
      const page = await ctx.services.ticketing.tickets.searchAll.query({
        ...filters,
        ...dayRange(createdFrom, createdTo, input.timezoneOffsetMinutes),
        after: input.cursor,
        limit: PAGE_SIZE,
      });
      return { items: page.items.map(toSearchRowDTO), nextCursor: page.nextCursor };
    }),

  /** The ticket page: detail, timeline, SLA clocks and the assignment explanations, by ticket number. */
  ticket: requireRole("agent", "manager", "admin")
    .input(helpdeskTicketInput)
    .query(async ({ ctx, input }) => {
      const { ticketing } = ctx.services;
      const [found] = await ticketing.tickets.search.query({ query: input.number, limit: 1 });
      if (!found) throw notFound("Ticket", input.number);
      const ticketId = found.id;
      const [ticket, history, sla, explanations] = await Promise.all([
        ticketing.tickets.get.query({ ticketId }),
        ticketing.tickets.history.query({ ticketId }),
        ticketing.sla.forTicket.query({ ticketId }),
        ticketing.tickets.assignmentExplanation.query({ ticketId }),
      ]);
      return toHelpdeskTicketDTO({ ticket, history, sla, explanations }, new Date());
    }),

  /** Cancel or escalate with a reason, against the version the agent saw (a changed ticket → CONFLICT). */
  act: requireRole("agent")
    .input(helpdeskActionInput)
    .mutation(async ({ ctx, input }) => {
      const transition = { ticketId: input.ticketId, expectedVersion: input.expectedVersion, reason: input.reason };
      const { tickets } = ctx.services.ticketing;
      const view = input.action === "cancel" ? await tickets.cancel.mutate(transition) : await tickets.escalate.mutate(transition);
      return toTicketDTO(view);
    }),
} satisfies TRPCRouterRecord;
