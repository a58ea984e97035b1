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

/** The expert's open work (assigned, accepted, in progress), oldest first: the expert console's list. */
export async function listExpertTickets(db: Db, expertId: string): Promise<TicketView[]> {
  const rows = await db.ticket.findMany({
    where: { expertId, status: { in: ["assigned", "accepted", "in_progress"] } },
    select: ticketViewSelect,
    orderBy: [{ createdAt: "asc" }, { number: "asc" }],
  });
  return rows.map(toTicketView);
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
