import type { TRPCRouterRecord } from "@trpc/server";
import { requireRole } from "../trpc.ts";

export const ticketsRouter = {
  /** How many tickets are in each status, as rows for a chart or table. */
  statusCounts: requireRole("manager", "admin").query(async ({ ctx }) => {
    const counts = await ctx.services.ticketing.tickets.countsByStatus.query();
    return Object.entries(counts).map(([status, count]) => ({ status, count: count ?? 0 }));
  }),
} satisfies TRPCRouterRecord;
