/**
 * Ticketing's copy of each customer's filing facts, kept from `customer.profile_changed` (the customer
 * service owns them). Filing a ticket reads it (`projectedFilingFacts`) instead of calling that service:
 * one local query instead of an HTTP round trip through another process, and filing keeps working while
 * the customer service is down. The projection can lag a change by the relay's delay (milliseconds), or
 * miss a customer whose profile was never published: then `projectedFilingFacts` answers null and the
 * caller asks the customer service (customer-directory.ts), so a refusal is always the owner's answer.
 */
import type { EventOfType } from "@sysops/events/catalog";
import { z } from "zod";
import { SQL_SCHEMA, type Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { FilingFacts, OwnedProduct } from "./customer-directory.ts";

type ProfileChanged = EventOfType<"customer.profile_changed">;

/** Inserts the customer's row, or replaces it when the event is at least as new as what the row holds. */
export async function upsertCustomerProjection(tx: Prisma.TransactionClient, event: ProfileChanged): Promise<void> {
  const p = event.payload;
  await tx.$executeRaw`
    INSERT INTO ${SQL_SCHEMA}."CustomerProjection" AS c ("customerId", name, "addressLat", "addressLon", "planName", "planTier",
      "requiredSkillLevel", "assignTargetMinutes", "acceptTargetMinutes", "resolveTargetMinutes", products, "changedAt")
    VALUES (${p.customerId}::uuid, ${p.name}, ${p.addressLat}, ${p.addressLon}, ${p.plan.name}, ${p.plan.tier},
      ${p.plan.requiredSkillLevel}, ${p.plan.assignTargetMinutes}, ${p.plan.acceptTargetMinutes}, ${p.plan.resolveTargetMinutes},
      ${JSON.stringify(p.products)}::jsonb, ${new Date(p.changedAt)})
    ON CONFLICT ("customerId") DO UPDATE SET
      name = EXCLUDED.name, "addressLat" = EXCLUDED."addressLat", "addressLon" = EXCLUDED."addressLon",
      "planName" = EXCLUDED."planName", "planTier" = EXCLUDED."planTier", "requiredSkillLevel" = EXCLUDED."requiredSkillLevel",
      "assignTargetMinutes" = EXCLUDED."assignTargetMinutes", "acceptTargetMinutes" = EXCLUDED."acceptTargetMinutes",
      "resolveTargetMinutes" = EXCLUDED."resolveTargetMinutes", products = EXCLUDED.products, "changedAt" = EXCLUDED."changedAt"
    WHERE c."changedAt" <= EXCLUDED."changedAt"`;
}

const productsSchema = z.array(z.object({ id: z.string(), name: z.string(), category: z.string() }));

/** The facts a new ticket snapshots, from the projection; null when it lacks the customer or the product. */
export async function projectedFilingFacts(db: Db, customerId: string, productId: string): Promise<(FilingFacts & { product: OwnedProduct }) | null> {
  const row = await db.customerProjection.findUnique({ where: { customerId } });
  const product = row && productsSchema.parse(row.products).find((p) => p.id === productId);
  if (!row || !product) return null;
  return {
    customer: {
      name: row.name,
      addressLat: row.addressLat,
      addressLon: row.addressLon,
      plan: {
        name: row.planName,
        tier: row.planTier,
        requiredSkillLevel: row.requiredSkillLevel,
        assignTargetMinutes: row.assignTargetMinutes,
        acceptTargetMinutes: row.acceptTargetMinutes,
        resolveTargetMinutes: row.resolveTargetMinutes,
      },
    },
    product,
  };
}
