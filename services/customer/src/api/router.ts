import { z } from "zod";
import { assertMayReadCustomer } from "../customers/access.ts";
import { getCustomerProfile } from "../customers/customer-profile.ts";
import { defaultAddressSchema, setDefaultAddress } from "../customers/default-address.ts";
import { searchCustomers } from "../customers/search-customers.ts";
import { listPlans, planTargetsInput, setPlanTargets } from "../plans/plan-targets.ts";
import { findOwnedProduct } from "../products/owned-product.ts";
import { requireRole, router } from "./trpc.ts";

const customerId = z.uuid("Not a customer id");

export const customerRouter = router({
  customers: router({
    get: requireRole("customer", "agent", "admin", "service")
      .input(z.object({ customerId }))
      .query(({ ctx, input }) => {
        assertMayReadCustomer(ctx.caller, input.customerId);
        return getCustomerProfile(ctx.db, input.customerId);
      }),
    /** A customer saves their own default service address; agents may do it for a caller. */
    setDefaultAddress: requireRole("customer", "agent")
      .input(z.object({ customerId, address: defaultAddressSchema }))
      .mutation(({ ctx, input }) => {
        assertMayReadCustomer(ctx.caller, input.customerId);
        return setDefaultAddress(ctx.db, input.customerId, input.address);
      }),
    search: requireRole("agent", "admin")
      .input(z.object({ query: z.string().trim().min(1, "Type a name, email or phone").max(100) }))
      .query(({ ctx, input }) => searchCustomers(ctx.db, input.query)),
  }),
  plans: router({
    list: requireRole("admin", "service").query(({ ctx }) => listPlans(ctx.db)),
    /** An admin changes a plan's SLA targets; every customer on the plan is re-announced (customer.profile_changed). */
    setTargets: requireRole("admin")
      .input(planTargetsInput)
      .mutation(({ ctx, input }) => setPlanTargets(ctx.db, input)),
  }),
  products: router({
    ownedBy: requireRole("customer", "agent", "service")
      .input(z.object({ customerId, productId: z.uuid("Not a product id") }))
      .query(({ ctx, input }) => {
        assertMayReadCustomer(ctx.caller, input.customerId);
        return findOwnedProduct(ctx.db, input.customerId, input.productId);
      }),
  }),
});

export type CustomerRouter = typeof customerRouter;
export type { CustomerProfile } from "../customers/customer-profile.ts";
export type { CustomerSummary } from "../customers/search-customers.ts";
export type { OwnedProductView } from "../products/owned-product.ts";
