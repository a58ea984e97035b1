import { ticketCreated } from "@sysops/events/catalog";
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

/** `ticket.created` v1: what matching needs to find an expert without calling back. */
export const emitTicketCreated = (tx: Prisma.TransactionClient, t: CreatedTicketFacts) =>
  emit(tx, ticketCreated, {
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
