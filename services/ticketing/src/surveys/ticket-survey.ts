/**
 * The survey answered from the ticket page instead of the e-mail link: the signed-in customer who owns the
 * ticket is the credential (the link token is only stored hashed, so the page cannot use it). Same rules as
 * the link: once, before it expires; another customer's ticket looks like it has no survey (NOT_FOUND).
 */
import type { Clock } from "@sysops/events/clock";
import { conflict, invalid, notFound } from "@sysops/domain-errors";
import type { UserCaller } from "@sysops/internal-auth";
import type { Db } from "../db/client.ts";
import { outboxCommitted } from "@sysops/events/relay-wake";
import { recordAnswer } from "./answer-survey.ts";

export type TicketSurveyState = "none" | "open" | "answered" | "expired";

export interface TicketSurveyView {
  state: TicketSurveyState;
  expiresAt: string | null;
  rating: number | null;
  comment: string | null;
}

async function ownSurvey(db: Pick<Db, "ticket">, caller: UserCaller, ticketId: string) {
  const ticket = await db.ticket.findUnique({ where: { id: ticketId }, select: { customerId: true, survey: true } });
  if (!ticket || caller.role !== "customer" || ticket.customerId !== caller.customerId) throw notFound("Ticket", ticketId);
  return ticket.survey;
}

export async function getTicketSurvey(db: Db, clock: Clock, caller: UserCaller, ticketId: string): Promise<TicketSurveyView> {
  const survey = await ownSurvey(db, caller, ticketId);
  if (!survey) return { state: "none", expiresAt: null, rating: null, comment: null };
  const state: TicketSurveyState = survey.submittedAt ? "answered" : survey.expiresAt <= clock.now() ? "expired" : "open";
  return { state, expiresAt: survey.expiresAt.toISOString(), rating: survey.rating, comment: survey.comment };
}

export async function submitTicketSurvey(
  db: Db,
  clock: Clock,
  caller: UserCaller,
  answer: { ticketId: string; rating: number; comment: string },
): Promise<{ surveyId: string }> {
  const submitted = await db.$transaction(async (tx) => {
    const now = clock.now();
    const survey = await ownSurvey(tx, caller, answer.ticketId);
    if (!survey) throw invalid("ticketId", "This ticket has no survey yet: it opens when the ticket is resolved");
    if (survey.submittedAt) throw conflict("This survey was already answered");
    if (survey.expiresAt <= now) throw invalid("ticketId", `This survey expired on ${survey.expiresAt.toISOString().slice(0, 10)}`);
    return recordAnswer(tx, survey, answer, now);
  });
  outboxCommitted();
  return submitted;
}
