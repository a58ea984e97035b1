import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

const summarySelect = { id: true, name: true, email: true, phone: true } satisfies Prisma.CustomerSelect;

export type CustomerSummary = Prisma.CustomerGetPayload<{ select: typeof summarySelect }>;

export const SEARCH_LIMIT = 20;

/** Customers whose name, email or phone contains `query` (case-insensitive; trigram indexes serve it). */
export function searchCustomers(db: Db, query: string): Promise<CustomerSummary[]> {
  const contains = { contains: query, mode: "insensitive" } as const;
  return db.customer.findMany({
    where: { OR: [{ name: contains }, { email: contains }, { phone: contains }] },
    select: summarySelect,
    orderBy: { name: "asc" },
    take: SEARCH_LIMIT,
  });
}
