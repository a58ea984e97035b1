/** The customer portal's shapes: what a customer may see of their tickets (no internal ids of others). */
import type { inferRouterOutputs } from "@trpc/server";
import type { TicketingRouter } from "@sysops/svc-ticketing/api";
import { toTicketDetailDTO, toTicketDTO, toTimelineEntryDTO, type TicketDetailDTO, type TicketDTO, type TimelineEntryDTO } from "../tickets/ticket-dto.ts";

type Outputs = inferRouterOutputs<TicketingRouter>;
type TicketView = Outputs["tickets"]["get"];

/** A row of "My tickets": status, and who is coming when once an expert holds it. */
export interface MyTicketDTO extends TicketDTO {
  expertFirstName: string | null;
  arrivalWindowStart: string | null;
  arrivalWindowEnd: string | null;
}

export function toMyTicketDTO(view: TicketView, detail: TicketView | undefined): MyTicketDTO {
  return {
    ...toTicketDTO(view),
    expertFirstName: detail?.expertFirstName ?? null,
    arrivalWindowStart: detail?.arrivalWindowStart ?? null,
    arrivalWindowEnd: detail?.arrivalWindowEnd ?? null,
  };
}

/** The customer's ticket page: the detail (with the preferred window they asked for), the full timeline, the survey. */
export interface CustomerTicketDTO extends TicketDetailDTO {
  timeline: TimelineEntryDTO[];
  survey: Outputs["surveys"]["forTicket"];
}

export function toCustomerTicketDTO(view: TicketView, history: Outputs["tickets"]["history"], survey: Outputs["surveys"]["forTicket"]): CustomerTicketDTO {
  return {
    ...toTicketDetailDTO(view),
    timeline: history.map(toTimelineEntryDTO),
    survey,
  };
}
