/** Reads of one ticket beyond its row: the holder's first name and arrival window, history, explanations. */
import { notFound } from "@sysops/domain-errors";
import type { Caller } from "@sysops/internal-auth";
import type { Db } from "../db/client.ts";
import type { Channel, TicketStatus } from "../generated/prisma/enums.ts";
import { assertMayReadTicket } from "./access.ts";
import { actorOf, allowedActions, type PersonAction } from "./state-machine.ts";
import { ticketViewSelect, toTicketView, type TicketView } from "./ticket-view.ts";

/**
 * `tickets.get`: the row plus who is coming and when. The extra fields are optional in the type (always
 * present at run time) so that list/create results stay assignable to it (BFFs map both with one function).
 */
export interface TicketDetail extends TicketView {
  expertFirstName?: string | null;
  arrivalWindowStart?: string | null;
  arrivalWindowEnd?: string | null;
  /** What the caller may do to the ticket now (state-machine.ts `allowedActions`); screens offer only these. */
  allowedActions?: PersonAction[];
}

export interface HistoryEntry {
  from: TicketStatus | null;
  to: TicketStatus;
  actorId: string;
  actorRole: string;
  channel: Channel | null;
  reason: string | null;
  expertId: string | null;
  at: string;
}

export interface AssignmentExplanation {
  assignmentId: string;
  expertId: string;
  status: string;
  distanceKm: number;
  cost: number;
  createdAt: string;
  endedAt: string | null;
  endReason: string | null;
  explanation: unknown;
  /** Names of the experts this decision mentions (chosen, candidates with costs, excluded), by id. */
  expertNames: Record<string, string>;
}

/** Every expert id an explanation mentions (its JSON is the planner's `Explanation`, read defensively). */
function mentionedExperts(expertId: string, explanation: unknown): string[] {
  const e = (explanation ?? {}) as { excluded?: Record<string, string[]>; costs?: { expertId: string }[] };
  return [expertId, ...Object.values(e.excluded ?? {}).flat(), ...(e.costs ?? []).map((c) => c.expertId)];
}

async function readableTicket(db: Db, caller: Caller, ticketId: string) {
  const row = await db.ticket.findUnique({ where: { id: ticketId }, select: ticketViewSelect });
  if (!row) throw notFound("Ticket", ticketId);
  assertMayReadTicket(caller, row);
  return row;
}

export async function getTicketDetail(db: Db, caller: Caller, ticketId: string, now: Date): Promise<TicketDetail> {
  const row = await readableTicket(db, caller, ticketId);
  const [assignment, expert] = await Promise.all([
    db.assignment.findFirst({ where: { ticketId, status: { in: ["active", "completed"] } }, orderBy: { createdAt: "desc" } }),
    row.expertId ? db.expertProjection.findUnique({ where: { expertId: row.expertId }, select: { firstName: true } }) : null,
  ]);
  return {
    ...toTicketView(row),
    expertFirstName: expert?.firstName ?? null,
    arrivalWindowStart: assignment?.arrivalWindowStart.toISOString() ?? null,
    arrivalWindowEnd: assignment?.arrivalWindowEnd.toISOString() ?? null,
    allowedActions: allowedActions(row, actorOf(caller), now),
  };
}

/** Oldest first: the ticket's timeline. */
export async function ticketHistory(db: Db, caller: Caller, ticketId: string): Promise<HistoryEntry[]> {
  await readableTicket(db, caller, ticketId);
  const rows = await db.ticketTransition.findMany({ where: { ticketId }, orderBy: { seq: "asc" } });
  return rows.map((r) => ({
    from: r.fromStatus,
    to: r.toStatus,
    actorId: r.actorId,
    actorRole: r.actorRole,
    channel: r.channel,
    reason: r.reason,
    expertId: r.expertId,
    at: r.at.toISOString(),
  }));
}

/** Every matching decision for the ticket, newest first, with the planner's explanation. */
export async function assignmentExplanations(db: Db, ticketId: string): Promise<AssignmentExplanation[]> {
  if (!(await db.ticket.findUnique({ where: { id: ticketId }, select: { id: true } }))) throw notFound("Ticket", ticketId);
  const rows = await db.assignment.findMany({ where: { ticketId }, orderBy: { createdAt: "desc" } });
  const ids = [...new Set(rows.flatMap((a) => mentionedExperts(a.expertId, a.explanation)))];
  const experts = await db.expertProjection.findMany({ where: { expertId: { in: ids } }, select: { expertId: true, name: true } });
  const expertNames = Object.fromEntries(experts.map((x) => [x.expertId, x.name]));
  return rows.map((a) => ({
    assignmentId: a.id,
    expertId: a.expertId,
    status: a.status,
    distanceKm: a.distanceKm,
    cost: a.cost,
    createdAt: a.createdAt.toISOString(),
    endedAt: a.endedAt?.toISOString() ?? null,
    endReason: a.endReason,
    explanation: a.explanation,
    expertNames,
  }));
}
