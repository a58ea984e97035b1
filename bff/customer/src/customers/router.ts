import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { requireRole } from "../trpc.ts";

export const searchCustomersInput = z.object({
  query: z.string().trim().min(2, "Enter at least 2 characters of a name, email or phone").max(100, "Keep the search under 100 characters"),
});

export const customersRouter = {
  /** Staff look up a caller by name, email or phone. */
  search: requireRole("agent", "admin")
    .input(searchCustomersInput)
    .query(async ({ ctx, input }) => {
      const found = await ctx.services.customer.customers.search.query({ query: input.query });
      return found.map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone }));
    }),
} satisfies TRPCRouterRecord;
