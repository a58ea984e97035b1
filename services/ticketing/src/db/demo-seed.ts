import { demoCustomers, demoPlans, demoTickets, demoUsers, statusOf } from "@sysops/demo-data";
import { emitTicketCreated } from "../tickets/ticket-events.ts";
import { ticketViewSelect } from "../tickets/ticket-view.ts";
import type { Db } from "./client.ts";

/**
 * Inserts the demo tickets with their histories unless there are tickets already; true when it seeded.
 * Each gets its `ticket.created` event, as if filed through the API.
 */
export async function seedDemoTickets(db: Db): Promise<boolean> {
  if ((await db.ticket.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    for (const t of demoTickets) {
      const customer = demoCustomers.find((c) => c.id === t.customerId);
      const product = customer?.products.find((p) => p.id === t.productId);
      const plan = demoPlans.find((p) => p.id === customer?.planId);
      if (!customer || !product || !plan) throw new Error(`demo ticket ${t.id} refers to unknown customer/product/plan`);
      const createdAt = new Date(t.createdAt);
      const status = statusOf(t);
      const row = await tx.ticket.create({
        data: {
          id: t.id,
          status,
          customerId: customer.id,
          customerName: customer.name,
          productId: product.id,
          productName: product.name,
          productCategory: product.category,
          description: t.description,
          serviceAddress: t.serviceAddress,
          channel: t.channel,
          requiredSkillLevel: plan.requiredSkillLevel,
          serviceLat: customer.addressLat,
          serviceLon: customer.addressLon,
          planTier: String(plan.tier),
          assignTargetMinutes: plan.assignTargetMinutes,
          acceptTargetMinutes: plan.acceptTargetMinutes,
          resolveTargetMinutes: plan.resolveTargetMinutes,
          assignDueAt: new Date(createdAt.getTime() + plan.assignTargetMinutes * 60_000),
          // The demo world's matched tickets all went to the first expert (see @sysops/demo-data tickets.ts).
          expertId: status === "new" ? null : (demoUsers.experts[0]?.id ?? null),
          version: t.history.length - 1,
          createdAt,
          transitions: {
            create: t.history.map((h, i) => ({
              fromStatus: i === 0 ? null : t.history[i - 1]?.toStatus,
              toStatus: h.toStatus,
              actorId: h.actorId,
              actorRole: h.actorRole,
              channel: i === 0 ? t.channel : null,
              at: new Date(h.at),
            })),
          },
        },
        select: ticketViewSelect,
      });
      await emitTicketCreated(tx, row);
    }
  });
  return true;
}
