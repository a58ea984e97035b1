/**
 * Ticketing's copy of each customer's filing facts, kept from `customer.profile_changed` (the customer
 * service owns them). Filing a ticket reads it (`projectedFilings`) instead of calling that service:
 * one local query instead of an HTTP round trip through another process (the same query takes the ticket's
 * number), and filing keeps working while the customer service is down. The projection can lag a change by the relay's delay (milliseconds), or
 * miss a customer whose profile was never published: then `projectedFilings` answers null for it and the
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

/** Which customer files for which of their products: one ticket being filed. */
export interface FilingWant {
  customerId: string;
  productId: string;
}

/**
 * The facts each new ticket snapshots, from the projection, and each one's ticket number, in ONE query for a
 * whole batch of filings (filing is the hot path: every round trip to PostgreSQL costs a wake-up of both
 * processes; tickets/ticket-filing-queue.ts batches them). In `wants`' order; null where the projection lacks
 * the customer or the product, and then no number is taken for it.
 */
export async function projectedFilings(db: Db, wants: readonly FilingWant[]): Promise<(ProjectedFiling | null)[]> {
  const rows = await db.sql.query<ProjectedFilingRow>(Prisma.sql`
    SELECT CASE WHEN f.product IS NOT NULL THEN nextval(${TICKET_NUMBER_SEQUENCE})::int END AS number, f.*
      FROM unnest(${wants.map((w) => w.customerId)}::uuid[], ${wants.map((w) => w.productId)}::text[]) WITH ORDINALITY AS w("customerId", "productId", ord)
      LEFT JOIN LATERAL (
        SELECT c.name, c."addressLat", c."addressLon", c."planName", c."planTier", c."requiredSkillLevel",
               c."assignTargetMinutes", c."acceptTargetMinutes", c."resolveTargetMinutes",
               (SELECT p FROM jsonb_array_elements(c.products) AS p WHERE p->>'id' = w."productId" LIMIT 1) AS product
          FROM ${SQL_SCHEMA}."CustomerProjection" c WHERE c."customerId" = w."customerId") AS f ON true
     ORDER BY w.ord`);
  return rows.map(toProjectedFiling);
}

function toProjectedFiling(row: ProjectedFilingRow): ProjectedFiling | null {
  if (row.number === null) return null;
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
