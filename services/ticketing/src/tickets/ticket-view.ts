import { Prisma } from "../generated/prisma/client.ts";
import type { Channel, TicketStatus } from "../generated/prisma/enums.ts";
import { formatTicketNumber } from "./ticket-number.ts";

export const ticketViewSelect = {
  id: true,
  number: true,
  status: true,
  customerId: true,
  customerName: true,
  productId: true,
  productName: true,
  productCategory: true,
  description: true,
  serviceAddress: true,
  channel: true,
  createdAt: true,
  requiredSkillLevel: true,
  serviceLat: true,
  serviceLon: true,
  planTier: true,
  expertId: true,
  version: true,
  assignDueAt: true,
  acceptDueAt: true,
  resolveDueAt: true,
  slaBreached: true,
  resolvedAt: true,
  preferredWindowStart: true,
  preferredWindowEnd: true,
} satisfies Prisma.TicketSelect;

export type TicketRow = Prisma.TicketGetPayload<{ select: typeof ticketViewSelect }>;

/** The same columns for hand-written SQL (`RETURNING ${TICKET_VIEW_COLUMNS}`), quoted as Prisma names them. */
export const TICKET_VIEW_COLUMNS = Prisma.raw(
  Object.keys(ticketViewSelect)
    .map((column) => `"${column}"`)
    .join(", "),
);

/** What every ticket procedure returns: plain JSON (number as shown to people, dates as ISO strings). */
export interface TicketView {
  id: string;
  number: string;
  status: TicketStatus;
  customerId: string;
  customerName: string;
  productId: string;
  productName: string;
  productCategory: string;
  description: string;
  serviceAddress: string;
  channel: Channel;
  createdAt: string;
  requiredSkillLevel: number;
  serviceLat: number;
  serviceLon: number;
  planTier: string;
  /** The expert holding the ticket (assigned .. resolved), else null. */
  expertId: string | null;
  /** Name it as `expectedVersion` in a transition. */
  version: number;
  assignDueAt: string | null;
  acceptDueAt: string | null;
  resolveDueAt: string | null;
  slaBreached: boolean;
  resolvedAt: string | null;
  /** The visit window the customer asked for when filing, if any. */
  preferredWindowStart: string | null;
  preferredWindowEnd: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toTicketView = (t: TicketRow): TicketView => ({
  ...t,
  number: formatTicketNumber(t.number),
  createdAt: t.createdAt.toISOString(),
  assignDueAt: iso(t.assignDueAt),
  acceptDueAt: iso(t.acceptDueAt),
  resolveDueAt: iso(t.resolveDueAt),
  resolvedAt: iso(t.resolvedAt),
  preferredWindowStart: iso(t.preferredWindowStart),
  preferredWindowEnd: iso(t.preferredWindowEnd),
});
