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

export interface CustomerDirectory {
  /** The product if the customer owns it, else null. */
  ownedProduct(customerId: string, productId: string): Promise<OwnedProduct | null>;
  customerName(customerId: string): Promise<string>;
  snapshot(customerId: string): Promise<CustomerSnapshot>;
}

/** Validated at the boundary: a customer service without plan/location fails loudly, not with NaN tickets. */
const snapshotSchema = z.object({
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
});

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
    async snapshot(customerId) {
      return snapshotSchema.parse(await client.customers.get.query({ customerId }));
    },
  };
}
