import type { OutboxEventInput } from "../outbox/outbox.ts";
import type { TicketView } from "./ticket-view.ts";

/** `ticket.created` v1: what matching needs to find an expert without calling back. */
export const ticketCreated = (t: TicketView): OutboxEventInput => ({
  aggregateType: "ticket",
  aggregateId: t.id,
  type: "ticket.created",
  version: 1,
  occurredAt: new Date(t.createdAt),
  payload: {
    ticketId: t.id,
    number: t.number,
    status: t.status,
    customerId: t.customerId,
    productId: t.productId,
    productCategory: t.productCategory,
    serviceAddress: t.serviceAddress,
    channel: t.channel,
    createdAt: t.createdAt,
  },
});
