/**
 * Customer portal procedures. Every one is the signed-in customer's own: the customer id comes from the
 * session (never from the browser), and a ticket of someone else is NOT_FOUND — here (looked up among the
 * caller's own tickets) and again in the service. Transitions go to the service with the version the page
 * showed; a changed ticket comes back as CONFLICT ("This ticket changed…"), which the page shows and then
 * reloads the ticket.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { PRODUCT_CATEGORIES } from "@sysops/demo-data";
import { notFound } from "@sysops/domain-errors";
import { toTicketDTO } from "../tickets/ticket-dto.ts";
import { customerProcedure } from "../trpc.ts";
import { toCustomerTicketDTO, toMyTicketDTO } from "./customer-dto.ts";
import {
  answerSurveyByTokenInput,
  answerTicketSurveyInput,
  fileTicketInput,
  PREFERRED_SLOTS,
  surveyTokenInput,
  ticketActionInput,
  ticketNumberInput,
} from "./inputs.ts";
import { preferredWindow } from "./preferred-window.ts";

/** Statuses in which an expert holds the ticket and has an arrival window worth showing in the list. */
const WITH_EXPERT = new Set(["assigned", "accepted", "in_progress"]);

export const customerRouter = {
  /** What the "File a ticket" form offers: the customer's products, the categories, the saved address, the slots. */
  filingOptions: customerProcedure.query(async ({ ctx }) => {
    const profile = await ctx.services.customer.customers.get.query({ customerId: ctx.customerId });
    return {
      products: profile.products.map((p) => ({ id: p.id, name: p.name, category: p.category })),
      categories: [...PRODUCT_CATEGORIES],
      defaultAddress: profile.defaultAddress,
      slots: Object.entries(PREFERRED_SLOTS).map(([value, slot]) => ({ value, label: slot.label })),
    };
  }),

  /**
   * Files a web ticket. The idempotency key makes a replay (double click, retry) return the first ticket.
   * "Save as my default address" is written after the ticket is filed, so a refused ticket changes nothing.
   */
  fileTicket: customerProcedure.input(fileTicketInput).mutation(async ({ ctx, input }) => {
    const window = preferredWindow(input.preferredDate, input.preferredSlot, input.timeZone);
    const ticket = await ctx.services.ticketing.tickets.create.mutate({
      customerId: ctx.customerId,
      productId: input.productId,
      category: input.category as (typeof PRODUCT_CATEGORIES)[number],
      description: input.description,
      serviceAddress: input.serviceAddress,
      channel: "web",
      idempotencyKey: input.idempotencyKey,
      ...(window ? { preferredWindowStart: window.start, preferredWindowEnd: window.end } : {}),
    });
    if (input.saveAsDefault) {
      await ctx.services.customer.customers.setDefaultAddress.mutate({ customerId: ctx.customerId, address: input.serviceAddress });
    }
    return toTicketDTO(ticket);
  }),

  /** "My tickets", newest first, with the expert's first name and arrival window while an expert holds one. */
  myTickets: customerProcedure.query(async ({ ctx }) => {
    const { ticketing } = ctx.services;
    const views = await ticketing.tickets.listForCustomer.query({ customerId: ctx.customerId });
    // Only tickets an expert holds need the detail (first name, window): a customer has a handful open at once.
    const details = await Promise.all(views.map((v) => (WITH_EXPERT.has(v.status) ? ticketing.tickets.get.query({ ticketId: v.id }) : Promise.resolve(undefined))));
    return views.map((v, i) => toMyTicketDTO(v, details[i]));
  }),

  /** One of the caller's tickets by number, with its timeline, what they may do now, and its survey. */
  ticket: customerProcedure.input(ticketNumberInput).query(async ({ ctx, input }) => {
    const { ticketing } = ctx.services;
    const own = (await ticketing.tickets.listForCustomer.query({ customerId: ctx.customerId })).find((t) => t.number === input.number);
    if (!own) throw notFound("Ticket", input.number);
    const [view, history, survey] = await Promise.all([
      ticketing.tickets.get.query({ ticketId: own.id }),
      ticketing.tickets.history.query({ ticketId: own.id }),
      ticketing.surveys.forTicket.query({ ticketId: own.id }),
    ]);
    return toCustomerTicketDTO(view, history, survey);
  }),

  /** Before work starts (the service's state machine decides; the page offers it only when allowed). */
  cancel: customerProcedure.input(ticketActionInput).mutation(async ({ ctx, input }) => toTicketDTO(await ctx.services.ticketing.tickets.cancel.mutate(input))),
  /** After resolution: the fix holds, close the ticket. */
  confirm: customerProcedure.input(ticketActionInput).mutation(async ({ ctx, input }) => toTicketDTO(await ctx.services.ticketing.tickets.confirm.mutate(input))),
  /** Within 7 days of resolution: the problem is back, the ticket goes back to matching. */
  reopen: customerProcedure.input(ticketActionInput).mutation(async ({ ctx, input }) => toTicketDTO(await ctx.services.ticketing.tickets.reopen.mutate(input))),

  /** The survey of one of the caller's tickets, answered from the ticket page. */
  answerTicketSurvey: customerProcedure
    .input(answerTicketSurveyInput)
    .mutation(({ ctx, input }) => ctx.services.ticketing.surveys.submitForTicket.mutate(input)),

  /** The survey behind an e-mail link: the token is the credential, shown to any signed-in customer holding it. */
  surveyByToken: customerProcedure.input(surveyTokenInput).query(async ({ ctx, input }) => {
    const survey = await ctx.services.ticketing.surveys.byToken.query(input);
    return { ticketNumber: `T-${String(survey.ticketNumber).padStart(6, "0")}`, productName: survey.productName, expiresAt: new Date(survey.expiresAt).toISOString(), answered: survey.answered };
  }),
  answerSurveyByToken: customerProcedure
    .input(answerSurveyByTokenInput)
    .mutation(({ ctx, input }) => ctx.services.ticketing.surveys.submit.mutate(input)),
} satisfies TRPCRouterRecord;
