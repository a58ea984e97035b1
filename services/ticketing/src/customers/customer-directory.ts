/**
 * What ticketing needs to know about customers, asked from the customer service's internal API (ids only
 * cross service boundaries; no shared tables).
 */
import { TRPCClientError, type TRPCClient } from "@trpc/client";
import type { CustomerRouter } from "@sysops/svc-customer/api";

export interface OwnedProduct {
  id: string;
  name: string;
  category: string;
}

export interface CustomerDirectory {
  /** The product if the customer owns it, else null. */
  ownedProduct(customerId: string, productId: string): Promise<OwnedProduct | null>;
  customerName(customerId: string): Promise<string>;
}

const isNotFound = (e: unknown) => e instanceof TRPCClientError && (e.data as { code?: string } | undefined)?.code === "NOT_FOUND";

export function customerServiceDirectory(client: TRPCClient<CustomerRouter>): CustomerDirectory {
  return {
    async ownedProduct(customerId, productId) {
      try {
        return await client.products.ownedBy.query({ customerId, productId });
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    },
    async customerName(customerId) {
      return (await client.customers.get.query({ customerId })).name;
    },
  };
}
