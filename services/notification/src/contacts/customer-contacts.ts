/**
 * Notification's copy of each customer's name and e-mail, kept from `customer.profile_changed` (the customer
 * service owns them): a customer message reads this row instead of calling that service over HTTP. The
 * newest `changedAt` wins, so a redelivered or backfilled older event never overwrites a newer one. An event
 * without `email` (published before v1 carried it) is not projected, and a customer the projection lacks is
 * asked of the customer service (`projectedContactDirectory`).
 */
import type { EventOfType } from "@sysops/events/catalog";
import type { SqlQueryable } from "@sysops/db/sql";
import { Prisma } from "../generated/prisma/client.ts";
import type { Contact, ContactDirectory } from "./contacts.ts";

type ProfileChanged = EventOfType<"customer.profile_changed">;

/** Inserts the customer's row, or replaces it when the event is at least as new as what the row holds. */
export async function upsertCustomerContact(tx: SqlQueryable, event: ProfileChanged): Promise<void> {
  const { customerId, name, email, changedAt } = event.payload;
  if (!email) return;
  await tx.query(Prisma.sql`
    INSERT INTO "notification"."CustomerContact" AS c ("customerId", name, email, "changedAt")
    VALUES (${customerId}::uuid, ${name}, ${email}, ${new Date(changedAt)})
    ON CONFLICT ("customerId") DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, "changedAt" = EXCLUDED."changedAt"
    WHERE c."changedAt" <= EXCLUDED."changedAt"`);
}

/** The projected contact, or null when the projection lacks the customer. */
export async function projectedCustomerContact(sql: SqlQueryable, customerId: string): Promise<Contact | null> {
  const rows = await sql.query<Contact>(Prisma.sql`SELECT name, email FROM "notification"."CustomerContact" WHERE "customerId" = ${customerId}::uuid`);
  return rows[0] ?? null;
}

/**
 * What an assignment's messages need, in ONE query (the notification hot path: every round trip to PostgreSQL
 * costs a wake-up of both processes): the customer's projected contact (null when the projection lacks them)
 * and the expert's projected phone (undefined when the expert's profile has not arrived yet).
 */
export async function assignmentContacts(tx: SqlQueryable, customerId: string, expertId: string): Promise<{ customer: Contact | null; expertPhone: string | undefined }> {
  const [row] = await tx.query<{ customerName: string | null; customerEmail: string | null; expertPhone: string | null }>(Prisma.sql`
    SELECT c.name AS "customerName", c.email AS "customerEmail",
           (SELECT phone FROM "notification"."ExpertContact" WHERE "expertId" = ${expertId}::uuid) AS "expertPhone"
      FROM (SELECT 1) AS one LEFT JOIN "notification"."CustomerContact" c ON c."customerId" = ${customerId}::uuid`);
  return {
    customer: row?.customerName != null && row.customerEmail != null ? { name: row.customerName, email: row.customerEmail } : null,
    expertPhone: row?.expertPhone ?? undefined,
  };
}

/** Customers from the projection, falling back to `owner` (the customer service) for one it lacks; managers from `owner`. */
export function projectedContactDirectory(sql: SqlQueryable, owner: ContactDirectory): ContactDirectory {
  return {
    async customer(customerId) {
      return (await projectedCustomerContact(sql, customerId)) ?? owner.customer(customerId);
    },
    managers: () => owner.managers(),
  };
}
