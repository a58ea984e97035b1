import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

const summarySelect = { id: true, name: true, email: true, phone: true } satisfies Prisma.CustomerSelect;

export type CustomerSummary = Prisma.CustomerGetPayload<{ select: typeof summarySelect }>;

export const SEARCH_LIMIT = 20;

/** Something typed like a phone number: digits and phone punctuation only, at least 4 digits. */
const PHONE_LIKE = /^[\d\s()+.\-/]+$/;
const MIN_PHONE_DIGITS = 4;

/**
 * Ids of customers whose phone contains these digits whatever the punctuation ("312 555 0101" finds
 * "+1-312-555-0101"); the `Customer_phone_digits_trgm_idx` expression index serves it.
 */
async function idsByPhoneDigits(db: Db, digits: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "customer"."Customer" WHERE regexp_replace(phone, '[^0-9]', '', 'g') LIKE ${`%${digits}%`} LIMIT ${SEARCH_LIMIT}`;
  return rows.map((r) => r.id);
}

/**
 * Customers whose name, email or phone contains `query` (case-insensitive; trigram indexes serve it); a query
 * that looks like a phone number also matches phones by their digits alone.
 */
export async function searchCustomers(db: Db, query: string): Promise<CustomerSummary[]> {
  const contains = { contains: query, mode: "insensitive" } as const;
  const digits = query.replace(/\D/g, "");
  const byDigits = PHONE_LIKE.test(query) && digits.length >= MIN_PHONE_DIGITS ? await idsByPhoneDigits(db, digits) : [];
  return db.customer.findMany({
    where: { OR: [{ name: contains }, { email: contains }, { phone: contains }, ...(byDigits.length > 0 ? [{ id: { in: byDigits } }] : [])] },
    select: summarySelect,
    orderBy: { name: "asc" },
    take: SEARCH_LIMIT,
  });
}
