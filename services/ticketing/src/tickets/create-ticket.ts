import { randomUUID } from "node:crypto";
import { invalid } from "@sysops/domain-errors";
import type { UserCaller } from "@sysops/internal-auth";
import type { Clock } from "@sysops/events/clock";
import type { CustomerDirectory } from "../customers/customer-directory.ts";
import { projectedFiling, type ProjectedFiling } from "../customers/customer-projection.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { SQL_SCHEMA as T, TICKET_NUMBER_SEQUENCE, type Db } from "../db/client.ts";
import { outboxCommitted } from "@sysops/events/relay-wake";
import { assertMayFileTicket } from "./access.ts";
import { ticketCreatedRow } from "./ticket-events.ts";
import type { CreateTicketInput } from "./ticket-input.ts";
import { TICKET_VIEW_COLUMNS, ticketViewSelect, toTicketView, type TicketRow, type TicketView } from "./ticket-view.ts";

/**
 * Files a ticket. The ticket, its first transition and its `ticket.created` event commit in one
 * transaction: once this returns, the ticket cannot be lost and matching will hear about it.
 *
 * The plan (required skill level, SLA targets) and the service location are snapshotted from the customer
 * record: ticketing's projection of it, else the customer service (customers/customer-projection.ts).
 * Decision: the location is the customer's registered (geocoded) address; the free-text `serviceAddress`
 * is shown to the expert but not geocoded, so matching never depends on a geocoder.
 * `productCategory` holds the category the ticket is handled and matched under: the one the customer chose
 * for the problem, by default the product's own.
 */
export async function createTicket(db: Db, customers: CustomerDirectory, caller: UserCaller, input: CreateTicketInput, clock: Clock): Promise<TicketView> {
  assertMayFileTicket(caller, input.customerId, input.channel);
  const filing = (await projectedFiling(db, input.customerId, input.productId)) ?? (await askCustomerService(db, customers, input));
  const inserted = await insertTicket(db, caller, input, filing, clock.now());
  if (inserted) {
    outboxCommitted([inserted.event]);
    return inserted.view;
  }
  // The (customerId, idempotencyKey) unique index refused the row: a replay (double click, retried request),
  // or a concurrent create with the same key that won. Either way the customer gets the ticket that exists.
  const existing = await ticketForKey(db, input);
  if (!existing) throw new Error(`ticket for idempotency key ${input.idempotencyKey} neither inserted nor found`);
  return existing;
}

/**
 * Idempotency: a create carrying a key the customer already used returns that ticket instead of filing a
 * second one. The key is unique per customer, so one customer's key never reveals another customer's ticket.
 */
async function ticketForKey(db: Db, input: CreateTicketInput): Promise<TicketView | null> {
  if (!input.idempotencyKey) return null;
  const row = await db.ticket.findUnique({
    where: { customerId_idempotencyKey: { customerId: input.customerId, idempotencyKey: input.idempotencyKey } },
    select: ticketViewSelect,
  });
  return row ? toTicketView(row) : null;
}

/** The filing facts from their owner when the projection lacks them (customers/customer-projection.ts), and a number. */
async function askCustomerService(db: Db, customers: CustomerDirectory, input: CreateTicketInput): Promise<ProjectedFiling> {
  const facts = await customers.filingFacts(input.customerId, input.productId);
  if (!facts?.product) throw invalid("productId", `Product ${input.productId} is not registered to this customer`);
  const [{ number }] = (await db.sql.query<{ number: number }>(Prisma.sql`SELECT nextval(${TICKET_NUMBER_SEQUENCE})::int AS number`)) as [{ number: number }];
  return { facts: { customer: facts.customer, product: facts.product }, number };
}

const dateOrNull = (iso: string | undefined) => (iso ? new Date(iso) : null);

/**
 * The ticket, its first transition and its `ticket.created` outbox row as ONE statement (data-modifying CTEs
 * commit or fail together, no BEGIN/COMMIT round trips), after the ticket's number was taken from its sequence
 * (with the filing facts) so the event payload is complete and validated before anything is written. Decision: this hot path is SQL
 * rather than Prisma's nested create: that took 6 round trips (BEGIN, ticket, transition, read-back, outbox,
 * COMMIT) and was the largest CPU cost of filing a ticket (see bench/ticket-creation.ts). The row shape is
 * still Prisma's (`TicketRow`), and create-ticket.integration-test.ts reads it back through Prisma.
 * The view and the event row written; null when the idempotency key was already used (ON CONFLICT DO NOTHING: then nothing is written).
 */
async function insertTicket(db: Db, caller: UserCaller, input: CreateTicketInput, { facts, number }: ProjectedFiling, now: Date) {
  const { customer, product } = facts;
  const ticket = {
    id: randomUUID(),
    number,
    customerId: input.customerId,
    productCategory: input.category ?? product.category,
    requiredSkillLevel: customer.plan.requiredSkillLevel,
    serviceLat: customer.addressLat,
    serviceLon: customer.addressLon,
    planTier: String(customer.plan.tier),
    channel: input.channel,
    createdAt: now,
  };
  const event = ticketCreatedRow(ticket);
  const rows = await db.sql.query<TicketRow>(Prisma.sql`
    WITH ticket AS (
      INSERT INTO ${T}."Ticket" (
        id, number, "customerId", "customerName", "productId", "productName", "productCategory", description,
        "serviceAddress", channel, "requiredSkillLevel", "serviceLat", "serviceLon", "planTier",
        "assignTargetMinutes", "acceptTargetMinutes", "resolveTargetMinutes", "assignDueAt",
        "preferredWindowStart", "preferredWindowEnd", "idempotencyKey", "createdAt", "updatedAt")
      VALUES (
        ${ticket.id}::uuid, ${number}, ${input.customerId}::uuid, ${customer.name}, ${product.id}::uuid, ${product.name},
        ${ticket.productCategory}, ${input.description}, ${input.serviceAddress}, ${input.channel}::${T}."Channel",
        ${ticket.requiredSkillLevel}, ${ticket.serviceLat}, ${ticket.serviceLon}, ${ticket.planTier},
        ${customer.plan.assignTargetMinutes}, ${customer.plan.acceptTargetMinutes}, ${customer.plan.resolveTargetMinutes},
        ${new Date(now.getTime() + customer.plan.assignTargetMinutes * 60_000)},
        ${dateOrNull(input.preferredWindowStart)}, ${dateOrNull(input.preferredWindowEnd)},
        ${input.idempotencyKey ?? null}::uuid, ${now}, ${now})
      ON CONFLICT ("customerId", "idempotencyKey") DO NOTHING
      RETURNING ${TICKET_VIEW_COLUMNS}
    ), transition AS (
      INSERT INTO ${T}."TicketTransition" (id, "ticketId", "fromStatus", "toStatus", "actorId", "actorRole", channel, at)
      SELECT ${randomUUID()}::uuid, ticket.id, NULL, 'new', ${caller.userId}, ${caller.role}, ${input.channel}::${T}."Channel", ${now} FROM ticket
    ), event AS (
      INSERT INTO ${T}."OutboxEvent" (id, "aggregateType", "aggregateId", type, version, payload, "occurredAt")
      SELECT ${event.id}::uuid, ${event.aggregateType}, ticket.id, ${event.type}, ${event.version}, ${JSON.stringify(event.payload)}::jsonb, ${event.occurredAt} FROM ticket
    )
    SELECT * FROM ticket`);
  return rows[0] ? { view: toTicketView(rows[0]), event } : null;
}
