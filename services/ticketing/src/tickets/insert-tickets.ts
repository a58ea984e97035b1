import { randomUUID } from "node:crypto";
import type { UserCaller } from "@sysops/internal-auth";
import type { ProjectedFiling } from "../customers/customer-projection.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { SQL_SCHEMA as T, type Db } from "../db/client.ts";
import { ticketCreatedRow } from "./ticket-events.ts";
import type { CreateTicketInput } from "./ticket-input.ts";
import { TICKET_VIEW_COLUMNS, toTicketView, type TicketRow } from "./ticket-view.ts";

/** One ticket to write: who files it, what they filed, the facts it snapshots (with its number), and when. */
export interface NewTicket {
  caller: UserCaller;
  input: CreateTicketInput;
  filing: ProjectedFiling;
  now: Date;
}

const isoOrNull = (iso: string | undefined) => (iso ? new Date(iso).toISOString() : null);

/** A new ticket as one record of the statement's input: the ticket's columns, its first transition's and its event's. */
function inputRecord({ caller, input, filing: { facts, number }, now }: NewTicket) {
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
  // Validated against the event catalog here, before anything is written.
  const event = ticketCreatedRow(ticket);
  return {
    record: {
      ...ticket,
      createdAt: now.toISOString(),
      customerName: customer.name,
      productId: product.id,
      productName: product.name,
      description: input.description,
      serviceAddress: input.serviceAddress,
      assignTargetMinutes: customer.plan.assignTargetMinutes,
      acceptTargetMinutes: customer.plan.acceptTargetMinutes,
      resolveTargetMinutes: customer.plan.resolveTargetMinutes,
      assignDueAt: new Date(now.getTime() + customer.plan.assignTargetMinutes * 60_000).toISOString(),
      preferredWindowStart: isoOrNull(input.preferredWindowStart),
      preferredWindowEnd: isoOrNull(input.preferredWindowEnd),
      idempotencyKey: input.idempotencyKey ?? null,
      transitionId: randomUUID(),
      actorId: caller.userId,
      actorRole: caller.role,
      eventId: event.id,
      eventAggregateType: event.aggregateType,
      eventType: event.type,
      eventVersion: event.version,
      eventPayload: event.payload,
    },
    event,
  };
}

/**
 * Writes a batch of new tickets, each with its first transition and its `ticket.created` outbox row, as ONE
 * statement: data-modifying CTEs over one JSON array of records commit or fail together, with no BEGIN/COMMIT
 * round trips, and a batch of n tickets costs PostgreSQL one statement and one commit instead of n
 * (ticket-filing-queue.ts gathers the batches). Decision: this hot path is SQL rather than Prisma's nested
 * create: that took 6 round trips per ticket (BEGIN, ticket, transition, read-back, outbox, COMMIT) and was
 * the largest CPU cost of filing a ticket (see bench/ticket-creation.ts). The row shape is still Prisma's
 * (`TicketRow`), and create-ticket.integration-test.ts reads it back through Prisma.
 *
 * In `tickets`' order: the view and the event row written, or null where the (customerId, idempotencyKey)
 * unique index refused the ticket (ON CONFLICT DO NOTHING: then nothing of it is written). Two tickets of one
 * batch with the same key: the first is written, the second is refused.
 */
export async function insertTickets(db: Db, tickets: readonly NewTicket[]) {
  const prepared = tickets.map(inputRecord);
  const rows = await db.sql.query<TicketRow>(Prisma.sql`
    WITH input AS (
      SELECT * FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(prepared.map((p) => p.record))}::jsonb) AS (
        id uuid, number int, "customerId" uuid, "customerName" text, "productId" uuid, "productName" text,
        "productCategory" text, description text, "serviceAddress" text, channel ${T}."Channel",
        "requiredSkillLevel" int, "serviceLat" float8, "serviceLon" float8, "planTier" text,
        "assignTargetMinutes" int, "acceptTargetMinutes" int, "resolveTargetMinutes" int, "assignDueAt" timestamptz,
        "preferredWindowStart" timestamptz, "preferredWindowEnd" timestamptz, "idempotencyKey" uuid, "createdAt" timestamptz,
        "transitionId" uuid, "actorId" text, "actorRole" text,
        "eventId" uuid, "eventAggregateType" text, "eventType" text, "eventVersion" int, "eventPayload" jsonb)) WITH ORDINALITY AS r
    ), ticket AS (
      INSERT INTO ${T}."Ticket" (
        id, number, "customerId", "customerName", "productId", "productName", "productCategory", description,
        "serviceAddress", channel, "requiredSkillLevel", "serviceLat", "serviceLon", "planTier",
        "assignTargetMinutes", "acceptTargetMinutes", "resolveTargetMinutes", "assignDueAt",
        "preferredWindowStart", "preferredWindowEnd", "idempotencyKey", "createdAt", "updatedAt")
      SELECT id, number, "customerId", "customerName", "productId", "productName", "productCategory", description,
             "serviceAddress", channel, "requiredSkillLevel", "serviceLat", "serviceLon", "planTier",
             "assignTargetMinutes", "acceptTargetMinutes", "resolveTargetMinutes", "assignDueAt" AT TIME ZONE 'UTC',
             "preferredWindowStart" AT TIME ZONE 'UTC', "preferredWindowEnd" AT TIME ZONE 'UTC', "idempotencyKey",
             "createdAt" AT TIME ZONE 'UTC', "createdAt" AT TIME ZONE 'UTC'
        FROM input ORDER BY ordinality
      ON CONFLICT ("customerId", "idempotencyKey") DO NOTHING
      RETURNING ${TICKET_VIEW_COLUMNS}
    ), transition AS (
      INSERT INTO ${T}."TicketTransition" (id, "ticketId", "fromStatus", "toStatus", "actorId", "actorRole", channel, at)
      SELECT i."transitionId", ticket.id, NULL, 'new', i."actorId", i."actorRole", i.channel, i."createdAt" AT TIME ZONE 'UTC'
        FROM ticket JOIN input i ON i.id = ticket.id
    ), event AS (
      INSERT INTO ${T}."OutboxEvent" (id, "aggregateType", "aggregateId", type, version, payload, "occurredAt")
      SELECT i."eventId", i."eventAggregateType", ticket.id, i."eventType", i."eventVersion", i."eventPayload", i."createdAt" AT TIME ZONE 'UTC'
        FROM ticket JOIN input i ON i.id = ticket.id
    )
    SELECT * FROM ticket`);
  const written = new Map(rows.map((row) => [row.id, toTicketView(row)]));
  return prepared.map(({ record, event }) => {
    const view = written.get(record.id);
    return view ? { view, event } : null;
  });
}
