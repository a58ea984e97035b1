/**
 * `customer.profile_changed`: a customer's filing facts (name, registered location, support plan, products)
 * and e-mail address, written to customer's outbox in the transaction that changes them. Ticketing keeps a
 * projection of the filing facts so filing a ticket does not call this service
 * (services/ticketing/src/customers/filing-facts.ts); notification keeps name + e-mail for its messages.
 */
import { customerProfileChanged } from "@sysops/events/catalog";
import { toOutboxRow } from "@sysops/events/outbox";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export const filingFactsSelect = {
  id: true,
  name: true,
  email: true,
  addressLat: true,
  addressLon: true,
  plan: { select: { name: true, tier: true, requiredSkillLevel: true, assignTargetMinutes: true, acceptTargetMinutes: true, resolveTargetMinutes: true } },
  products: { select: { id: true, name: true, category: true }, orderBy: { name: "asc" } },
} satisfies Prisma.CustomerSelect;

type FilingFactsRow = Prisma.CustomerGetPayload<{ select: typeof filingFactsSelect }>;

/** The validated outbox row (a bad payload throws and rolls the caller's transaction back). */
export function profileChangedRow({ id, plan, ...customer }: FilingFactsRow, changedAt: Date) {
  const row = toOutboxRow(customerProfileChanged, {
    aggregateType: "customer",
    aggregateId: id,
    occurredAt: changedAt,
    payload: { customerId: id, ...customer, plan, changedAt: changedAt.toISOString() },
  });
  return { ...row, payload: row.payload as Prisma.InputJsonObject };
}

const PAGE = 1_000;

/**
 * Writes one `customer.profile_changed` per customer unless the outbox has ever held one, so ticketing's
 * projection fills on a fresh suite and on databases that had customers before this service had an outbox.
 * One transaction: a crash half-way leaves nothing, and the next start tries again. Returns how many.
 */
export async function publishInitialProfiles(db: Db, now: Date = new Date()): Promise<number> {
  return db.$transaction(
    async (tx) => {
      if ((await tx.outboxEvent.count({ where: { type: customerProfileChanged.type } })) > 0) return 0;
      let published = 0;
      let after: string | undefined;
      for (;;) {
        const page = await tx.customer.findMany({
          select: filingFactsSelect,
          orderBy: { id: "asc" },
          take: PAGE,
          ...(after ? { cursor: { id: after }, skip: 1 } : {}),
        });
        if (page.length === 0) return published;
        await tx.outboxEvent.createMany({ data: page.map((c) => profileChangedRow(c, now)) });
        published += page.length;
        after = page.at(-1)!.id;
      }
    },
    { timeout: 300_000 },
  );
}
