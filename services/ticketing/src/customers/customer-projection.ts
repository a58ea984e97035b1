/**
 * Ticketing's copy of each customer's filing facts, kept from `customer.profile_changed` (the customer
 * service owns them). Filing a ticket reads it (`projectedFilingFacts`) instead of calling that service:
 * one local query instead of an HTTP round trip through another process (the same query takes the ticket's
 * number), and filing keeps working while the customer service is down. The projection can lag a change by the relay's delay (milliseconds), or
 * miss a customer whose profile was never published: then `projectedFiling` answers null and the
 * caller asks the customer service (customer-directory.ts), so a refusal is always the owner's answer.
 */
import type { EventOfType } from "@sysops/events/catalog";
import { z } from "zod";
import { SQL_SCHEMA, TICKET_NUMBER_SEQUENCE, type Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
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

const productSchema = z.object({ id: z.string(), name: z.string(), category: z.string() });

interface ProjectedFilingRow {
  number: number | null;
  name: string;
  addressLat: number;
  addressLon: number;
  planName: string;
  planTier: number;
  requiredSkillLevel: number;
  assignTargetMinutes: number;
  acceptTargetMinutes: number;
  resolveTargetMinutes: number;
  product: unknown;
}

/** What a new ticket snapshots, from the projection, and the ticket's number. */
export interface ProjectedFiling {
  facts: FilingFacts & { product: OwnedProduct };
  number: number;
}

/**
 * The facts a new ticket snapshots, from the projection, and the next ticket number, in ONE query (filing is
 * the hot path: every round trip to PostgreSQL costs a wake-up of both processes). Null when the projection
 * lacks the customer or the product; then no number is taken.
 */
export async function projectedFiling(db: Db, customerId: string, productId: string): Promise<ProjectedFiling | null> {
  const [row] = await db.sql.query<ProjectedFilingRow>(Prisma.sql`
    SELECT CASE WHEN f.product IS NOT NULL THEN nextval(${TICKET_NUMBER_SEQUENCE})::int END AS number, f.*
      FROM (SELECT c.name, c."addressLat", c."addressLon", c."planName", c."planTier", c."requiredSkillLevel",
                   c."assignTargetMinutes", c."acceptTargetMinutes", c."resolveTargetMinutes",
                   (SELECT p FROM jsonb_array_elements(c.products) AS p WHERE p->>'id' = ${productId} LIMIT 1) AS product
              FROM ${SQL_SCHEMA}."CustomerProjection" c WHERE c."customerId" = ${customerId}::uuid) AS f`);
  if (!row || row.number === null) return null;
  return {
    number: row.number,
    facts: {
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
      product: productSchema.parse(row.product),
    },
  };
}
