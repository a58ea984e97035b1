/**
 * The first cut's filing procedure, superseded by `customer.fileTicket` (the portal uses that). Kept only
 * because the load tools still file through it: bench/ticket-creation.ts, bench/sms-latency.ts and the
 * no-lost-ticket e2e (e2e/support/ticket-burst.ts). Move those to `customer.fileTicket` and delete this
 * router, `filing/` and `inputs.ts` here.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc.ts";
import { createTicketInput } from "./inputs.ts";
import { toTicketDTO } from "./ticket-dto.ts";

export const ticketsRouter = {
  /** A customer files a ticket on the web; who and how come from the session, not the browser. */
  create: customerProcedure.input(createTicketInput).mutation(async ({ ctx, input }) => {
    const view = await ctx.services.ticketing.tickets.create.mutate({ ...input, customerId: ctx.customerId, channel: "web" });
    return toTicketDTO(view);
  }),
} satisfies TRPCRouterRecord;
