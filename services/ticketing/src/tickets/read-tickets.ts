import { notFound } from "@sysops/domain-errors";
import type { Caller } from "@sysops/internal-auth";
import type { Db } from "../db/client.ts";
import { TicketStatus } from "../generated/prisma/enums.ts";
import { assertMayReadCustomerTickets, assertMayReadTicket } from "./access.ts";
import { parseTicketNumber } from "./ticket-number.ts";
import { ticketViewSelect, toTicketView, type TicketView } from "./ticket-view.ts";

export async function getTicket(db: Db, caller: Caller, ticketId: string): Promise<TicketView> {
  const row = await db.ticket.findUnique({ where: { id: ticketId }, select: ticketViewSelect });
  if (!row) throw notFound("Ticket", ticketId);
  assertMayReadTicket(caller, row);
  return toTicketView(row);
}

/** Newest first. */
export async function listCustomerTickets(db: Db, caller: Caller, customerId: string): Promise<TicketView[]> {
  assertMayReadCustomerTickets(caller, customerId);
  const rows = await db.ticket.findMany({ where: { customerId }, select: ticketViewSelect, orderBy: [{ createdAt: "desc" }, { number: "desc" }] });
  return rows.map(toTicketView);
}

/** An open ticket with the arrival window the expert was given for it. */
export interface ExpertTicket extends TicketView {
  arrivalWindowStart: string | null;
  arrivalWindowEnd: string | null;
}

const windowOf = (t: ExpertTicket) => t.arrivalWindowStart ?? "9999";

/**
 * The expert's open work (assigned, accepted, in progress) with each arrival window, earliest window first
 * (then ticket number): the expert console's list. Sorted here, not in SQL: an expert holds a few tickets.
 */
export async function listExpertTickets(db: Db, expertId: string): Promise<ExpertTicket[]> {
  const rows = await db.ticket.findMany({
    where: { expertId, status: { in: ["assigned", "accepted", "in_progress"] } },
    select: {
      ...ticketViewSelect,
      assignments: { where: { expertId, status: "active" }, select: { arrivalWindowStart: true, arrivalWindowEnd: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  return rows
    .map(({ assignments, ...row }): ExpertTicket => ({
      ...toTicketView(row),
      arrivalWindowStart: assignments[0]?.arrivalWindowStart.toISOString() ?? null,
      arrivalWindowEnd: assignments[0]?.arrivalWindowEnd.toISOString() ?? null,
    }))
    .sort((a, b) => windowOf(a).localeCompare(windowOf(b)) || a.number.localeCompare(b.number));
}

/** A ticket number (`T-000012`, `12`) finds that ticket; any other text matches customer names. */
export async function searchTickets(db: Db, query: string, limit: number): Promise<TicketView[]> {
  const number = parseTicketNumber(query);
  const rows = await db.ticket.findMany({
    where: number === null ? { customerName: { contains: query, mode: "insensitive" } } : { number },
    select: ticketViewSelect,
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map(toTicketView);
}

export async function countTicketsByStatus(db: Db): Promise<Record<TicketStatus, number>> {
  const groups = await db.ticket.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = Object.fromEntries(Object.values(TicketStatus).map((s) => [s, 0])) as Record<TicketStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}
