/**
 * Inputs of the expert console's procedures (zod only: the browser imports this module through
 * `@sysops/bff-ticketing/inputs/expert` and validates its forms with the same schemas).
 */
import { z } from "zod";

export const expertTicketInput = z.object({ ticketId: z.uuid("Not a ticket id") });

/** The version the expert saw: a ticket that changed since is refused with "This ticket changed…". */
export const expertActionInput = expertTicketInput.extend({ expectedVersion: z.number().int().min(0) });

export const rejectReason = z.object({
  reason: z.string().trim().min(1, "Give a reason for rejecting the ticket").max(2000, "Keep the reason under 2000 characters"),
});
export const resolveNotes = z.object({
  notes: z.string().trim().min(1, "Describe how you resolved the problem").max(4000, "Keep the notes under 4000 characters"),
});

export const rejectInput = expertActionInput.extend(rejectReason.shape);
export const resolveInput = expertActionInput.extend(resolveNotes.shape);
