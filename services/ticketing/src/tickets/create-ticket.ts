import { invalid } from "@sysops/domain-errors";
import { Prisma } from "../generated/prisma/client.ts";
import type { UserCaller } from "@sysops/internal-auth";
import type { CustomerDirectory } from "../customers/customer-directory.ts";
import type { Db } from "../db/client.ts";
import type { Clock } from "@sysops/events/clock";
import { assertMayFileTicket } from "./access.ts";
import { outboxCommitted } from "../outbox/relay-wake.ts";
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
 * `productCategory` holds the category the ticket is handled and matched under: the one the customer chose
 * for the problem, by default the product's own.
 */
export async function createTicket(db: Db, customers: CustomerDirectory, caller: UserCaller, input: CreateTicketInput, clock: Clock): Promise<TicketView> {
  assertMayFileTicket(caller, input.customerId, input.channel);
  const replayed = await ticketForKey(db, input);
  if (replayed) return replayed;
  try {
    return await insertTicket(db, customers, caller, input, clock);
  } catch (error) {
    // Two concurrent creates with one key: the unique (customerId, idempotencyKey) index lets one insert win;
    // the other returns the winner's ticket.
    const winner = isUniqueViolation(error) ? await ticketForKey(db, input) : null;
    if (winner) return winner;
    throw error;
  }
}

/**
 * Idempotency: a create carrying a key the customer already used returns that ticket instead of filing a
 * second one (a double-clicked submit, a retried request). The key is unique per customer, so one
 * customer's key never reveals or returns another customer's ticket.
 */
async function ticketForKey(db: Db, input: CreateTicketInput): Promise<TicketView | null> {
  if (!input.idempotencyKey) return null;
  const row = await db.ticket.findUnique({
    where: { customerId_idempotencyKey: { customerId: input.customerId, idempotencyKey: input.idempotencyKey } },
    select: ticketViewSelect,
  });
  return row ? toTicketView(row) : null;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

const dateOrNull = (iso: string | undefined) => (iso ? new Date(iso) : null);

async function insertTicket(db: Db, customers: CustomerDirectory, caller: UserCaller, input: CreateTicketInput, clock: Clock): Promise<TicketView> {
  const facts = await customers.filingFacts(input.customerId, input.productId);
  if (!facts?.product) throw invalid("productId", `Product ${input.productId} is not registered to this customer`);
  const { customer, product } = facts;
  const now = clock.now();

  const ticket = await db.$transaction(async (tx) => {
    const row = await tx.ticket.create({
      data: {
        customerId: input.customerId,
        customerName: customer.name,
        productId: product.id,
        productName: product.name,
        productCategory: input.category ?? product.category,
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
        preferredWindowStart: dateOrNull(input.preferredWindowStart),
        preferredWindowEnd: dateOrNull(input.preferredWindowEnd),
        idempotencyKey: input.idempotencyKey ?? null,
        createdAt: now,
        transitions: { create: { fromStatus: null, toStatus: "new", actorId: caller.userId, actorRole: caller.role, channel: input.channel, at: now } },
      },
      select: ticketViewSelect,
    });
    await emitTicketCreated(tx, row);
    return toTicketView(row);
  });
  outboxCommitted();
  return ticket;
}
