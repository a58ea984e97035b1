/**
 * Expert console procedures: only tickets assigned to the calling expert. svc-ticketing checks that too
 * (an expert reads and acts on the tickets they hold); here someone else's ticket is NOT_FOUND, never
 * FORBIDDEN, so ticket ids cannot be probed. The customer's contact is read from svc-customer as
 * bff-ticketing itself, and only after the ticket was found to be the caller's.
 */
import { TRPCClientError } from "@trpc/client";
import type { TRPCRouterRecord } from "@trpc/server";
import { notFound } from "@sysops/domain-errors";
import type { Services } from "../clients.ts";
import { toTicketDetailDTO, toTimelineEntryDTO } from "../tickets/ticket-dto.ts";
import { requireRole } from "../trpc.ts";
import { toAssignmentDTO, toCustomerContactDTO } from "./expert-dto.ts";
import { expertActionInput, expertTicketInput, rejectInput, resolveInput } from "./inputs.ts";

const expertProcedure = requireRole("expert");

const isCode = (error: unknown, code: string) => error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === code;

/** The service refuses an expert's action on a ticket they do not hold with FORBIDDEN; to them it does not exist. */
async function asTheirs<T>(ticketId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isCode(error, "FORBIDDEN")) throw notFound("Ticket", ticketId);
    throw error;
  }
}

type Transition = "accept" | "reject" | "start" | "resolve";

export const expertRouter = {
  /** My open tickets, earliest arrival window first. */
  assignments: expertProcedure.query(async ({ ctx }) => (await ctx.services.ticketing.tickets.listForExpert.query()).map(toAssignmentDTO)),

  /** One of my tickets: detail with allowedActions, the customer's contact, and the ticket's history. */
  ticket: expertProcedure.input(expertTicketInput).query(async ({ ctx, input }) => {
    const view = await ctx.services.ticketing.tickets.get.query({ ticketId: input.ticketId });
    if (view.expertId !== ctx.caller.userId) throw notFound("Ticket", input.ticketId);
    const [history, customer] = await Promise.all([
      ctx.services.ticketing.tickets.history.query({ ticketId: input.ticketId }),
      ctx.services.customerAsBff.customers.get.query({ customerId: view.customerId }),
    ]);
    return { ...toTicketDetailDTO(view), contact: toCustomerContactDTO(customer), timeline: history.map(toTimelineEntryDTO) };
  }),

  accept: expertProcedure.input(expertActionInput).mutation(({ ctx, input }) => act(ctx.services, "accept", input)),
  reject: expertProcedure.input(rejectInput).mutation(({ ctx, input }) => act(ctx.services, "reject", input)),
  start: expertProcedure.input(expertActionInput).mutation(({ ctx, input }) => act(ctx.services, "start", input)),
  resolve: expertProcedure.input(resolveInput).mutation(({ ctx, input }) => act(ctx.services, "resolve", input)),
} satisfies TRPCRouterRecord;

/** The service's state machine decides; the console refetches the ticket (and its allowedActions) afterwards. */
async function act(services: Services, action: Transition, input: { ticketId: string; expectedVersion: number; reason?: string; notes?: string }) {
  const view = await asTheirs(input.ticketId, () => services.ticketing.tickets[action].mutate(input));
  return { id: view.id, number: view.number, status: view.status, version: view.version };
}
