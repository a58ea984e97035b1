/**
 * Writes a matching run's picks at once: every ticket update, TicketTransition row, Assignment row and outbox
 * event (`ticket.status_changed` + `ticket.assigned` per ticket) of the run in ONE SQL statement
 * (data-modifying CTEs commit or fail together). Each ticket is guarded by the version and status the run
 * read: a ticket that changed meanwhile (cancelled, already assigned by another run) is left out, with
 * its rows, and picked up by the next run if it is still pending.
 *
 * Decision: matching writes through this set-based path instead of `transitionTicket` per pick. That took 9
 * round trips per pick and capped a run near 35–100 assignments/s on 2 cores (bench:sms), below a burst of
 * 100 tickets/s. The rules stay the state machine's: every pick is checked by `decideTransition` and gets
 * its changes from `effectsOf` before anything is written, and the rows come from the same builders
 * `transitionTicket` uses (`stepRecord`, `assignmentRecord`). After the commit the relay is woken and each
 * ticket's SLA timers move from the assign target to the accept target.
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import { SQL_SCHEMA as T, type Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { TicketStatus } from "../generated/prisma/enums.ts";
import { outboxCommitted } from "@sysops/events/relay-wake";
import { startTimersOfAssigned } from "../sla/sla-timers.ts";
import { assignmentRecord, type NewAssignment } from "../tickets/assignment-record.ts";
import { decideTransition, type Actor } from "../tickets/state-machine.ts";
import { effectsOf } from "../tickets/transition-effects.ts";
import { stepRecord } from "../tickets/transition-record.ts";

/** A pending ticket as the run loaded it. */
export interface PendingTicket {
  id: string;
  number: number;
  customerId: string;
  status: TicketStatus;
  version: number;
  expertId: string | null;
  resolvedAt: Date | null;
  assignDueAt: Date | null;
  assignTargetMinutes: number;
  acceptTargetMinutes: number;
  resolveTargetMinutes: number;
}

export interface Pick {
  ticket: PendingTicket;
  assignment: NewAssignment;
}

const json = (rows: unknown[]) => JSON.stringify(rows);

/** Writes the picks; returns the ids of the tickets assigned (the others changed since the run read them). */
export async function assignPicks(deps: { db: Db; clock: Clock; logger: Logger }, actor: Actor, picks: Pick[]): Promise<string[]> {
  if (picks.length === 0) return [];
  const now = deps.clock.now();
  const planned = picks.map(({ ticket, assignment }) => {
    const rule = decideTransition(ticket, { action: "assign", actor }, now);
    const { changes } = effectsOf("assign", ticket, now, assignment.expertId);
    const step = stepRecord(ticket, { from: ticket.status, to: rule.to, actor, channel: "system", expertId: assignment.expertId, at: now });
    return { ticket, to: rule.to, changes, step, record: assignmentRecord(ticket, assignment, now) };
  });

  const updates = planned.map((p) => ({ id: p.ticket.id, version: p.ticket.version, status: p.ticket.status, to: p.to, expertId: p.changes.expertId, acceptDueAt: p.changes.acceptDueAt }));
  const transitions = planned.map(({ step: { transition: t } }) => ({ ...t, id: randomUUID() }));
  const assignments = planned.map((p) => p.record.assignment);
  const events = planned.flatMap((p) => [p.step.event, p.record.event]);

  const rows = await deps.db.sql.query<{ id: string }>(Prisma.sql`
    WITH picked AS (
      UPDATE ${T}."Ticket" t
         SET status = u."to"::${T}."TicketStatus", version = t.version + 1, "expertId" = u."expertId",
             "acceptDueAt" = u."acceptDueAt", "updatedAt" = ${now}
        FROM jsonb_to_recordset(${json(updates)}::jsonb) AS u(id uuid, version int, status text, "to" text, "expertId" uuid, "acceptDueAt" timestamp(3))
       WHERE t.id = u.id AND t.version = u.version AND t.status = u.status::${T}."TicketStatus"
         -- The ids again as an array: the planner cannot size the recordset (it guesses 100 rows) and otherwise
         -- joins it against a sequential scan of every ticket; with this it looks the picks up by primary key.
         AND t.id = ANY(${updates.map((u) => u.id)}::uuid[])
      RETURNING t.id
    ), transitions AS (
      INSERT INTO ${T}."TicketTransition" (id, "ticketId", "fromStatus", "toStatus", "actorId", "actorRole", channel, reason, "expertId", at)
      SELECT r.id, r."ticketId", r."fromStatus"::${T}."TicketStatus", r."toStatus"::${T}."TicketStatus", r."actorId", r."actorRole",
             r.channel::${T}."Channel", r.reason, r."expertId", r.at
        FROM jsonb_to_recordset(${json(transitions)}::jsonb) AS r(id uuid, "ticketId" uuid, "fromStatus" text, "toStatus" text, "actorId" text,
             "actorRole" text, channel text, reason text, "expertId" uuid, at timestamp(3))
        JOIN picked ON picked.id = r."ticketId"
    ), assignments AS (
      INSERT INTO ${T}."Assignment" (id, "ticketId", "expertId", "distanceKm", cost, "arrivalWindowStart", "arrivalWindowEnd", explanation, "createdAt")
      SELECT a.id, a."ticketId", a."expertId", a."distanceKm", a.cost, a."arrivalWindowStart", a."arrivalWindowEnd", a.explanation, a."createdAt"
        FROM jsonb_to_recordset(${json(assignments)}::jsonb) AS a(id uuid, "ticketId" uuid, "expertId" uuid, "distanceKm" double precision,
             cost double precision, "arrivalWindowStart" timestamp(3), "arrivalWindowEnd" timestamp(3), explanation jsonb, "createdAt" timestamp(3))
        JOIN picked ON picked.id = a."ticketId"
    ), events AS (
      INSERT INTO ${T}."OutboxEvent" (id, "aggregateType", "aggregateId", type, version, payload, "occurredAt")
      SELECT e.id, e."aggregateType", e."aggregateId", e.type, e.version, e.payload, e."occurredAt"
        FROM jsonb_to_recordset(${json(events)}::jsonb) AS e(id uuid, "aggregateType" text, "aggregateId" uuid, type text, version int,
             payload jsonb, "occurredAt" timestamp(3))
        JOIN picked ON picked.id = e."aggregateId"
    )
    SELECT id FROM picked`);
  if (rows.length === 0) return [];
  const assigned = new Set(rows.map((r) => r.id));
  // The events of the picks that were written (a ticket changed since the run read it got none).
  outboxCommitted(events.filter((e) => assigned.has(e.aggregateId)));

  const timed = planned
    .filter((p) => assigned.has(p.ticket.id))
    .map(({ ticket, to, changes }) => ({ ...ticket, status: to, acceptDueAt: changes.acceptDueAt ?? null, resolveDueAt: null }));
  // After commit: a failure here must not undo or misreport the assignments; the SLA sweep catches up.
  await startTimersOfAssigned(timed).catch((error: unknown) => deps.logger.error({ err: error, tickets: timed.length }, "could not move SLA timers after a matching run"));
  return [...assigned];
}
