import { invalid } from "@sysops/domain-errors";
import type { UserCaller } from "@sysops/internal-auth";
import type { CustomerDirectory } from "../customers/customer-directory.ts";
import type { Db } from "../db/client.ts";
import type { Clock } from "@sysops/events/clock";
import { assertMayFileTicket } from "./access.ts";
import { emitTicketCreated } from "./ticket-events.ts";
import type { CreateTicketInput } from "./ticket-input.ts";
import { ticketViewSelect, toTicketView, type TicketView } from "./ticket-view.ts";

/**
 * Files a ticket. The ticket, its first transition and its `ticket.created` event commit in one
 * transaction: once this returns, the ticket cannot be lost and matching will hear about it.
 *
 * The plan (required skill level, SLA targets) and the service location are snapshotted from the customer
 * record. Decision: the location is the customer's registered (geocoded) address; the free-text
 * `serviceAddress` is shown to the expert but not geocoded, so matching never depends on a geocoder.
 */
export async function createTicket(db: Db, customers: CustomerDirectory, caller: UserCaller, input: CreateTicketInput, clock: Clock): Promise<TicketView> {
  assertMayFileTicket(caller, input.customerId, input.channel);
  const product = await customers.ownedProduct(input.customerId, input.productId);
  if (!product) throw invalid("productId", `Product ${input.productId} is not registered to this customer`);
  const customer = await customers.snapshot(input.customerId);
  const now = clock.now();

  return db.$transaction(async (tx) => {
    const row = await tx.ticket.create({
      data: {
        customerId: input.customerId,
        customerName: customer.name,
        productId: product.id,
        productName: product.name,
        productCategory: product.category,
        description: input.description,
        serviceAddress: input.serviceAddress,
        channel: input.channel,
        requiredSkillLevel: customer.plan.requiredSkillLevel,
        serviceLat: customer.addressLat,
        serviceLon: customer.addressLon,
        planTier: String(customer.plan.tier),
        assignTargetMinutes: customer.plan.assignTargetMinutes,
        acceptTargetMinutes: customer.plan.acceptTargetMinutes,
        resolveTargetMinutes: customer.plan.resolveTargetMinutes,
        assignDueAt: new Date(now.getTime() + customer.plan.assignTargetMinutes * 60_000),
        createdAt: now,
        transitions: { create: { fromStatus: null, toStatus: "new", actorId: caller.userId, actorRole: caller.role, channel: input.channel, at: now } },
      },
      select: ticketViewSelect,
    });
    await emitTicketCreated(tx, row);
    return toTicketView(row);
  });
}
