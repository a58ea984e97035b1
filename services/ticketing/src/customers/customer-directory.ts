/**
 * What ticketing needs to know about customers, asked from the customer service's internal API (ids only
 * cross service boundaries; no shared tables).
 */
import { TRPCClientError, type TRPCClient } from "@trpc/client";
import type { CustomerRouter } from "@sysops/svc-customer/api";
import { z } from "zod";

export interface OwnedProduct {
  id: string;
  name: string;
  category: string;
}

/** The customer's name, registered location and support plan, as snapshotted onto a new ticket. */
export interface CustomerSnapshot {
  name: string;
  addressLat: number;
  addressLon: number;
  plan: {
    name: string;
    tier: number;
    requiredSkillLevel: number;
    assignTargetMinutes: number;
    acceptTargetMinutes: number;
    resolveTargetMinutes: number;
  };
}

/** What a new ticket snapshots: the customer, and the product when the customer owns it (else null). */
export interface FilingFacts {
  customer: CustomerSnapshot;
  product: OwnedProduct | null;
}

export interface CustomerDirectory {
  /**
   * One call to the customer service (its profile carries the products): filing a ticket is the hot path,
   * and a second call for the ownership check cost a round trip, a token check and a query per ticket.
   * Null when there is no such customer.
   */
  filingFacts(customerId: string, productId: string): Promise<FilingFacts | null>;
  customerName(customerId: string): Promise<string>;
}

/** Validated at the boundary: a customer service without plan/location fails loudly, not with NaN tickets. */
const profileSchema = z.object({
  name: z.string(),
  addressLat: z.number(),
  addressLon: z.number(),
  plan: z.object({
    name: z.string(),
    tier: z.coerce.number(),
    requiredSkillLevel: z.number().int().min(1).max(5),
    assignTargetMinutes: z.number().int().positive(),
    acceptTargetMinutes: z.number().int().positive(),
    resolveTargetMinutes: z.number().int().positive(),
  }),
  products: z.array(z.object({ id: z.string(), name: z.string(), category: z.string() })),
});

const isNotFound = (e: unknown) => e instanceof TRPCClientError && (e.data as { code?: string } | undefined)?.code === "NOT_FOUND";

export function customerServiceDirectory(client: TRPCClient<CustomerRouter>): CustomerDirectory {
  return {
    async filingFacts(customerId, productId) {
      try {
        const { products, ...customer } = profileSchema.parse(await client.customers.get.query({ customerId }));
        return { customer, product: products.find((p) => p.id === productId) ?? null };
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
