import { ticketCreated } from "@sysops/events/catalog";
import { toOutboxRow } from "@sysops/events/outbox";
import type { Prisma } from "../generated/prisma/client.ts";
import { emit } from "../outbox/outbox.ts";

export interface CreatedTicketFacts {
  id: string;
  number: number;
  customerId: string;
  productCategory: string;
  requiredSkillLevel: number;
  serviceLat: number;
  serviceLon: number;
  planTier: string;
  channel: string;
  createdAt: Date;
}

const ticketCreatedInput = (t: CreatedTicketFacts) => ({
  aggregateId: t.id,
  occurredAt: t.createdAt,
  payload: {
    ticketId: t.id,
    number: t.number,
    customerId: t.customerId,
    productCategory: t.productCategory,
    requiredSkillLevel: t.requiredSkillLevel,
    serviceLat: t.serviceLat,
    serviceLon: t.serviceLon,
    planTier: t.planTier,
    channel: t.channel,
    createdAt: t.createdAt.toISOString(),
  },
});

/** `ticket.created` v1: what matching needs to find an expert without calling back. */
export const emitTicketCreated = (tx: Prisma.TransactionClient, t: CreatedTicketFacts) => emit(tx, ticketCreated, ticketCreatedInput(t));

/** The same event as a validated outbox row, for create-ticket.ts's single-statement insert. */
export const ticketCreatedRow = (t: CreatedTicketFacts) => toOutboxRow(ticketCreated, { aggregateType: "ticket", ...ticketCreatedInput(t) });
