import type { Prisma } from "../generated/prisma/client.ts";
import type { TicketStatus } from "../generated/prisma/enums.ts";
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
} satisfies Prisma.TicketSelect;

type TicketRow = Prisma.TicketGetPayload<{ select: typeof ticketViewSelect }>;

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
  channel: "web" | "phone";
  createdAt: string;
}

export const toTicketView = (t: TicketRow): TicketView => ({ ...t, number: formatTicketNumber(t.number), createdAt: t.createdAt.toISOString() });
