import { invalid } from "@sysops/domain-errors";
import type { UserCaller } from "@sysops/internal-auth";
import type { CustomerDirectory } from "../customers/customer-directory.ts";
import type { Db } from "../db/client.ts";
import { recordEvent } from "../outbox/outbox.ts";
import { assertMayFileTicket } from "./access.ts";
import { ticketCreated } from "./ticket-events.ts";
import type { CreateTicketInput } from "./ticket-input.ts";
import { ticketViewSelect, toTicketView, type TicketView } from "./ticket-view.ts";

/**
 * Files a ticket. The ticket, its first transition and its `ticket.created` event commit in one
 * transaction: once this returns, the ticket cannot be lost and matching will hear about it.
 */
export async function createTicket(db: Db, customers: CustomerDirectory, caller: UserCaller, input: CreateTicketInput): Promise<TicketView> {
  assertMayFileTicket(caller, input.customerId, input.channel);
  const product = await customers.ownedProduct(input.customerId, input.productId);
  if (!product) throw invalid("productId", `Product ${input.productId} is not registered to this customer`);
  const customerName = await customers.customerName(input.customerId);

  return db.$transaction(async (tx) => {
    const row = await tx.ticket.create({
      data: {
        customerId: input.customerId,
        customerName,
        productId: product.id,
        productName: product.name,
        productCategory: product.category,
        description: input.description,
        serviceAddress: input.serviceAddress,
        channel: input.channel,
        transitions: { create: { fromStatus: null, toStatus: "new", actorId: caller.userId, actorRole: caller.role, channel: input.channel } },
      },
      select: ticketViewSelect,
    });
    const ticket = toTicketView(row);
    await recordEvent(tx, ticketCreated(ticket));
    return ticket;
  });
}
