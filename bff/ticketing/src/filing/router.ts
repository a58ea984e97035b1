import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc.ts";

/** Superseded by `customer.filingOptions`; kept with `tickets.create` for the load tools (see tickets/router.ts). */
export const filingRouter = {
  /** What the "file a ticket" form offers: the customer's own products and their default address. */
  options: customerProcedure.query(async ({ ctx }) => {
    const customer = await ctx.services.customer.customers.get.query({ customerId: ctx.customerId });
    return {
      products: customer.products.map((p) => ({ id: p.id, name: p.name, category: p.category })),
      defaultAddress: customer.defaultAddress,
    };
  }),
} satisfies TRPCRouterRecord;
