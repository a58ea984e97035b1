/**
 * Survey procedures, for the ticketing router to mount as `surveys: router(surveysRouter)`. The link token
 * is the credential: BFFs call these as a service on behalf of whoever holds the link.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { requireRole } from "../api/trpc.ts";
import { getSurveyByToken, submitSurvey } from "./answer-survey.ts";

const token = z.string().trim().min(20, "Not a survey link").max(100, "Not a survey link");

export const surveysRouter = {
  byToken: requireRole("service", "customer")
    .input(z.object({ token }))
    .query(({ ctx, input }) => getSurveyByToken(ctx.db, ctx.clock, input.token)),
  submit: requireRole("service", "customer")
    .input(z.object({ token, rating: z.number().int().min(1, "Rate 1 to 5").max(5, "Rate 1 to 5"), comment: z.string().trim().max(2000, "At most 2000 characters").default("") }))
    .mutation(({ ctx, input }) => submitSurvey(ctx.db, ctx.clock, input)),
} satisfies TRPCRouterRecord;
