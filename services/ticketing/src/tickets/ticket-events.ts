import type { OutboxEventInput } from "../outbox/outbox.ts";
import type { TicketView } from "./ticket-view.ts";

/** `ticket.created` v1 (catalog in @sysops/events): what matching needs to find an expert without calling back. */
export const ticketCreated = (t: TicketView & { requiredSkillLevel: number; serviceLat: number; serviceLon: number; planTier: string }): OutboxEventInput => ({
  aggregateType: "ticket",
  aggregateId: t.id,
  type: "ticket.created",
  version: 1,
  occurredAt: new Date(t.createdAt),
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
    createdAt: t.createdAt,
  },
});
