import { surveyCreated } from "@sysops/events/catalog";
import type { Clock } from "@sysops/events/clock";
import type { Prisma } from "../generated/prisma/client.ts";
import { emit } from "../outbox/outbox.ts";
import { hashSurveyToken, newSurveyToken } from "./survey-token.ts";

export const SURVEY_VALID_DAYS = 14;

export interface ResolvedTicket {
  id: string;
  customerId: string;
  expertId: string | null;
}

export interface IssuedSurvey {
  surveyId: string;
  /** The only time the raw token exists outside the link: it travels in `survey.created` to notification. */
  token: string;
  expiresAt: Date;
}

/**
 * Call inside the transaction that resolves the ticket. Issues a fresh single-use link valid for 14 days and
 * emits `survey.created`. A ticket resolved again after a reopen gets a new link while its survey is
 * unanswered (the old link stops working); once answered, nothing is issued (null).
 */
export async function createSurveyFor(tx: Prisma.TransactionClient, ticket: ResolvedTicket, clock: Clock): Promise<IssuedSurvey | null> {
  const token = newSurveyToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SURVEY_VALID_DAYS * 86_400_000);
  const fields = { tokenHash: hashSurveyToken(token), expiresAt, expertId: ticket.expertId };
  const existing = await tx.survey.findUnique({ where: { ticketId: ticket.id }, select: { id: true, submittedAt: true } });
  if (existing?.submittedAt) return null;
  const survey = existing
    ? await tx.survey.update({ where: { id: existing.id }, data: fields, select: { id: true } })
    : await tx.survey.create({ data: { ...fields, ticketId: ticket.id, customerId: ticket.customerId, createdAt: now }, select: { id: true } });
  await emit(tx, surveyCreated, {
    aggregateId: ticket.id,
    occurredAt: now,
    payload: { surveyId: survey.id, ticketId: ticket.id, customerId: ticket.customerId, token, expiresAt: expiresAt.toISOString() },
  });
  return { surveyId: survey.id, token, expiresAt };
}
