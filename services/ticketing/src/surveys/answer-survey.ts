import { surveySubmitted } from "@sysops/events/catalog";
import type { Clock } from "@sysops/events/clock";
import { conflict, DomainError } from "@sysops/domain-errors";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { emit } from "../outbox/outbox.ts";
import { outboxCommitted } from "@sysops/events/relay-wake";
import { hashSurveyToken } from "./survey-token.ts";

export interface SurveyView {
  ticketNumber: number;
  productName: string;
  expiresAt: Date;
  answered: boolean;
}

export interface SurveyAnswer {
  token: string;
  rating: number;
  comment: string;
}

const surveySelect = {
  id: true,
  ticketId: true,
  customerId: true,
  expertId: true,
  expiresAt: true,
  submittedAt: true,
  ticket: { select: { number: true, productName: true } },
} satisfies Prisma.SurveySelect;

type SurveyRow = Prisma.SurveyGetPayload<{ select: typeof surveySelect }>;

/** The token is the only key: an unknown one says nothing about which surveys exist. */
async function findByToken(db: Db | Prisma.TransactionClient, token: string): Promise<SurveyRow> {
  const survey = await db.survey.findUnique({ where: { tokenHash: hashSurveyToken(token) }, select: surveySelect });
  if (!survey) throw new DomainError("not_found", "This survey link is not valid");
  return survey;
}

const expired = (survey: SurveyRow) =>
  new DomainError("invalid", `This survey link expired on ${survey.expiresAt.toISOString().slice(0, 10)}`, "token");

function assertOpen(survey: SurveyRow, now: Date): void {
  if (survey.submittedAt) throw conflict("This survey was already answered");
  if (survey.expiresAt <= now) throw expired(survey);
}

export async function getSurveyByToken(db: Db, clock: Clock, token: string): Promise<SurveyView> {
  const survey = await findByToken(db, token);
  // An answered survey still shows (as answered); an unanswered one only until its link expires.
  if (!survey.submittedAt && survey.expiresAt <= clock.now()) throw expired(survey);
  return { ticketNumber: survey.ticket.number, productName: survey.ticket.productName, expiresAt: survey.expiresAt, answered: survey.submittedAt !== null };
}

/** Records the answer once (a conditional update, so two concurrent submits cannot both win) and emits `survey.submitted`. */
export async function submitSurvey(db: Db, clock: Clock, answer: SurveyAnswer): Promise<{ surveyId: string }> {
  const submitted = await db.$transaction(async (tx) => {
    const now = clock.now();
    const survey = await findByToken(tx, answer.token);
    assertOpen(survey, now);
    return recordAnswer(tx, survey, answer, now);
  });
  outboxCommitted();
  return submitted;
}

/**
 * The answer itself, whichever way the survey was reached (link token or the ticket page): a conditional update,
 * so two concurrent submits cannot both win, and `survey.submitted` in the same transaction. Commit, then wake
 * the relay (`outboxCommitted`).
 */
export async function recordAnswer(
  tx: Prisma.TransactionClient,
  survey: Pick<SurveyRow, "id" | "ticketId" | "customerId" | "expertId">, answer: { rating: number; comment: string }, now: Date): Promise<{ surveyId: string }> {
  const { count } = await tx.survey.updateMany({
    where: { id: survey.id, submittedAt: null },
    data: { rating: answer.rating, comment: answer.comment, submittedAt: now },
  });
  if (count === 0) throw conflict("This survey was already answered");
  await emit(tx, surveySubmitted, {
    aggregateId: survey.ticketId,
    occurredAt: now,
    payload: { surveyId: survey.id, ticketId: survey.ticketId, customerId: survey.customerId, expertId: survey.expertId ?? undefined, rating: answer.rating, comment: answer.comment },
  });
  return { surveyId: survey.id };
}
