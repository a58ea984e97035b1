/**
 * Survey procedures, for the ticketing router to mount as `surveys: router(surveysRouter)`. The link token
 * is the credential: BFFs call these as a service on behalf of whoever holds the link.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { requireRole } from "../api/trpc.ts";
import { getSurveyByToken, submitSurvey } from "./answer-survey.ts";
import { getTicketSurvey, submitTicketSurvey } from "./ticket-survey.ts";

const rating = z.number().int().min(1, "Rate 1 to 5").max(5, "Rate 1 to 5");
const comment = z.string().trim().max(2000, "At most 2000 characters").default("");
const ticketId = z.uuid("Not a ticket id");
const token = z.string().trim().min(20, "Not a survey link").max(100, "Not a survey link");

export const surveysRouter = {
  byToken: requireRole("service", "customer")
    .input(z.object({ token }))
    .query(({ ctx, input }) => getSurveyByToken(ctx.db, ctx.clock, input.token)),
  submit: requireRole("service", "customer")
    .input(z.object({ token, rating, comment }))
    .mutation(({ ctx, input }) => submitSurvey(ctx.db, ctx.clock, input)),
  /** The survey of the caller's own ticket, answered from the ticket page (see ticket-survey.ts). */
  forTicket: requireRole("customer")
    .input(z.object({ ticketId }))
    .query(({ ctx, input }) => getTicketSurvey(ctx.db, ctx.clock, ctx.caller, input.ticketId)),
  submitForTicket: requireRole("customer")
    .input(z.object({ ticketId, rating, comment }))
    .mutation(({ ctx, input }) => submitTicketSurvey(ctx.db, ctx.clock, ctx.caller, input)),
} satisfies TRPCRouterRecord;
