import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc.ts";

export const accountRouter = {
  /** The signed-in customer's profile, plan and products; the id comes from the session, never the browser. */
  mine: customerProcedure.query(async ({ ctx }) => {
    const customer = await ctx.services.customer.customers.get.query({ customerId: ctx.customerId });
    return {
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      defaultAddress: customer.defaultAddress,
      plan: { name: customer.plan.name, tier: customer.plan.tier },
      products: customer.products.map((p) => ({ id: p.id, name: p.name, category: p.category, serialNumber: p.serialNumber })),
    };
  }),
} satisfies TRPCRouterRecord;
