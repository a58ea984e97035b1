/**
 * The ticket as the ticketing screens show it: no internal ids of other records. Shared by every console
 * (customer, helpdesk, expert) so the UI's shared pieces (status badge, header, timeline) take one shape.
 * mfe-ticketing imports these as types through `@sysops/bff-ticketing/ticket-dto`.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { TicketingRouter } from "@sysops/svc-ticketing/api";

type TicketingOutputs = inferRouterOutputs<TicketingRouter>;
type TicketView = TicketingOutputs["tickets"]["get"];
type HistoryEntry = TicketingOutputs["tickets"]["history"][number];

export type TicketStatus = TicketView["status"];
export type TicketChannel = TicketView["channel"];

export interface TicketDTO {
  id: string;
  number: string;
  status: TicketStatus;
  productName: string;
  productCategory: string;
  description: string;
  serviceAddress: string;
  customerName: string;
  channel: TicketChannel;
  createdAt: string;
}

export function toTicketDTO(view: TicketView): TicketDTO {
  return {
    id: view.id,
    number: view.number,
    status: view.status,
    productName: view.productName,
    productCategory: view.productCategory,
    description: view.description,
    serviceAddress: view.serviceAddress,
    customerName: view.customerName,
    channel: view.channel,
    createdAt: view.createdAt,
  };
}

/** One step of a ticket's timeline as people see it: who (by role), never the actor's id. */
export interface TimelineEntryDTO {
  from: TicketStatus | null;
  to: TicketStatus;
  actorRole: string;
  channel: TicketChannel | null;
  reason: string | null;
  at: string;
}

export function toTimelineEntryDTO(entry: HistoryEntry): TimelineEntryDTO {
  return { from: entry.from, to: entry.to, actorRole: entry.actorRole, channel: entry.channel, reason: entry.reason, at: entry.at };
}

/** The detail every console starts from; a console adds what its role may see. */
export interface TicketDetailDTO extends TicketDTO {
  /** Pass back as `expectedVersion` when acting on the ticket. */
  version: number;
  expertFirstName: string | null;
  arrivalWindowStart: string | null;
  arrivalWindowEnd: string | null;
  /** The visit window the customer asked for when filing (null: first available). */
  preferredWindowStart: string | null;
  preferredWindowEnd: string | null;
  resolvedAt: string | null;
  allowedActions: NonNullable<TicketView["allowedActions"]>;
}

export function toTicketDetailDTO(view: TicketView): TicketDetailDTO {
  return {
    ...toTicketDTO(view),
    version: view.version,
    expertFirstName: view.expertFirstName ?? null,
    arrivalWindowStart: view.arrivalWindowStart ?? null,
    arrivalWindowEnd: view.arrivalWindowEnd ?? null,
    preferredWindowStart: view.preferredWindowStart,
    preferredWindowEnd: view.preferredWindowEnd,
    resolvedAt: view.resolvedAt,
    allowedActions: view.allowedActions ?? [],
  };
}
