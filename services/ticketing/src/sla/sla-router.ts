/** SLA procedures, for the ticketing router to mount as `sla: router(slaRouter)`. */
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { requireRole } from "../api/trpc.ts";
import { getSlaStatus } from "./sla-status.ts";

export const slaRouter = {
  forTicket: requireRole("agent", "manager", "admin", "service")
    .input(z.object({ ticketId: z.uuid("Not a ticket id") }))
    .query(({ ctx, input }) => getSlaStatus(ctx.db, input.ticketId)),
} satisfies TRPCRouterRecord;
