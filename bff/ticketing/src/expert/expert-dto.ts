/** What the expert console shows: the shared ticket shapes plus the arrival window and the customer's contact. */
import type { inferRouterOutputs } from "@trpc/server";
import type { CustomerRouter } from "@sysops/svc-customer/api";
import type { TicketingRouter } from "@sysops/svc-ticketing/api";
import { toTicketDTO, type TicketDTO } from "../tickets/ticket-dto.ts";

type ExpertTicket = inferRouterOutputs<TicketingRouter>["tickets"]["listForExpert"][number];
type CustomerProfile = inferRouterOutputs<CustomerRouter>["customers"]["get"];

export interface AssignmentDTO extends TicketDTO {
  version: number;
  arrivalWindowStart: string | null;
  arrivalWindowEnd: string | null;
}

export const toAssignmentDTO = (t: ExpertTicket): AssignmentDTO => ({
  ...toTicketDTO(t),
  version: t.version,
  arrivalWindowStart: t.arrivalWindowStart,
  arrivalWindowEnd: t.arrivalWindowEnd,
});

/** How the expert reaches the customer; the visit address is the ticket's `serviceAddress`. */
export interface CustomerContactDTO {
  name: string;
  phone: string;
  email: string;
}

export const toCustomerContactDTO = (c: CustomerProfile): CustomerContactDTO => ({ name: c.name, phone: c.phone, email: c.email });
