/**
 * Inputs of the helpdesk console's procedures (zod only: the browser imports this module through
 * `@sysops/bff-ticketing/inputs/helpdesk` and validates its forms with the same schemas).
 */
import { z } from "zod";
import type { SlaState, TicketStatus } from "@sysops/svc-ticketing/api";

/** Every status, for the search filter (checked against the service's enum by the `satisfies`). */
export const TICKET_STATUSES = ["new", "assigned", "accepted", "in_progress", "resolved", "closed", "rejected", "cancelled", "escalated"] as const satisfies readonly TicketStatus[];
export const SLA_STATES = ["ok", "warning", "breached"] as const satisfies readonly SlaState[];
/** The product categories the catalog knows (experts' skills are the same words). */
export const PRODUCT_CATEGORIES = ["laptop", "desktop", "tv", "audio", "phone", "printer", "network"] as const;

export const findCallerInput = z.object({
  query: z.string().trim().min(2, "Type at least 2 characters of a name, email, phone or ticket number").max(100, "Keep the search under 100 characters"),
});

export const callerInput = z.object({ customerId: z.uuid("Choose a caller") });

/** The form the agent fills while on the phone (the caller is chosen before). */
export const fileForCallerForm = z.object({
  productId: z.uuid("Choose the caller's product"),
  description: z.string().trim().min(1, "Describe the problem").max(4000, "Keep the description under 4000 characters"),
  serviceAddress: z.string().trim().min(5, "Enter the address where the expert should come").max(300, "Keep the address under 300 characters"),
});
export const fileForCallerInput = fileForCallerForm.extend({
  customerId: z.uuid("Choose a caller"),
  /** One per form instance: a double submit files one ticket. */
  idempotencyKey: z.uuid(),
});

const day = z.iso.date("Enter a date");
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The search form: empty fields mean "any". Dates are days (the agent's calendar days, inclusive). */
export const ticketSearchForm = z
  .object({
    status: optional(z.enum(TICKET_STATUSES)),
    productCategory: optional(z.enum(PRODUCT_CATEGORIES)),
    sla: optional(z.enum(SLA_STATES)),
    createdFrom: optional(day),
    createdTo: optional(day),
    text: optional(z.string().trim().min(2, "Type at least 2 characters").max(100, "Keep the search under 100 characters")),
  })
  .refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom <= f.createdTo, { message: "The end date must not be before the start date", path: ["createdTo"] });
export type TicketSearchForm = z.input<typeof ticketSearchForm>;

export const ticketSearchInput = z.object({
  filters: ticketSearchForm,
  /** The agent's UTC offset in minutes (Date#getTimezoneOffset), so "from 3 May" starts at their midnight. */
  timezoneOffsetMinutes: z.number().int().min(-900).max(900).default(0),
  cursor: z.string().max(40).optional(),
});

/** The ticket page is addressed by number (`/tickets/T-000123`). */
export const helpdeskTicketInput = z.object({ number: z.string().trim().regex(/^T-\d{6,9}$/i, "Not a ticket number (T-000123)") });

export const actionReasonForm = z.object({
  reason: z.string().trim().min(3, "Give the reason (at least 3 characters)").max(2000, "Keep the reason under 2000 characters"),
});
/** Cancel or escalate: the version the agent saw (a changed ticket is refused with "This ticket changed…"). */
export const helpdeskActionInput = actionReasonForm.extend({
  ticketId: z.uuid("Not a ticket id"),
  action: z.enum(["cancel", "escalate"]),
  expectedVersion: z.number().int().min(0),
});
