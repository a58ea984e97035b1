import type { TRPCRouterRecord } from "@trpc/server";
import type { TicketStatus } from "@sysops/svc-ticketing/api";
import { requireRole } from "../trpc.ts";

export const ticketsRouter = {
  /** How many tickets are in each status, as rows for a chart or table. */
  statusCounts: requireRole("manager", "admin").query(async ({ ctx }) => {
    const counts = await ctx.services.ticketing.tickets.countsByStatus.query();
    // Object.entries widens keys to string; the service keys this record by status.
    return (Object.entries(counts) as [TicketStatus, number][]).map(([status, count]) => ({ status, count }));
  }),
} satisfies TRPCRouterRecord;
