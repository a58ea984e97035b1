/**
 * One matching run over the pending (`new`) tickets an available expert could serve and those past their
 * assign target (`loadInput`): load them with the projected experts, their open assignment counts and who
 * rejected which ticket; let the planner pick the optimal assignment; write all
 * picks in one statement, each guarded by the ticket's version (assign-picks.ts); escalate what stays
 * unassigned past its time-to-assign target. The caller (job.ts) makes sure only one run happens at a time.
 */
import { DomainError } from "@sysops/domain-errors";
import type { Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import { SQL_SCHEMA as T, type Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Actor } from "../tickets/state-machine.ts";
import { transitionTicket } from "../tickets/transition-ticket.ts";
import { assignPicks, type PendingTicket } from "./assign-picks.ts";
import { expertFailure, planAssignments } from "./planner/index.ts";
import { toPlannerExpert, toPlannerTicket, type ExpertRow, type PendingTicketRow } from "./planner-input.ts";

export const MATCHING_ACTOR: Actor = { kind: "system", id: "matching" };
export const NO_ELIGIBLE_EXPERT = "no eligible expert";

export interface RunResult {
  /** Pending tickets the run considered: those an available expert could serve, and those past their assign target. */
  pending: number;
  assigned: number;
  escalated: number;
  /** Picks not written because the ticket changed meanwhile (it is picked up by the next run). */
  skipped: number;
  /** No expert was available (on duty, in working hours, below capacity) when the run loaded its input. */
  noRoom?: boolean;
}

/**
 * Which pending tickets a run plans: all of them (a full run), or only these (the tickets filed since the last
 * run, see job.ts). Tickets past their assign target are loaded either way, to escalate them.
 */
export type RunScope = { kind: "all" } | { kind: "only"; ticketIds: ReadonlySet<string> };
export const ALL_PENDING: RunScope = { kind: "all" };

/** A pending ticket as the run loads it, with the experts who rejected it. */
interface LoadedTicket extends PendingTicket, PendingTicketRow {
  rejectedBy: string[];
}

type LoadedExpert = ExpertRow & { firstName: string; open: number };

/**
 * The run's input, in two queries on the hot-path pool. Experts with their open assignment counts come first,
 * then only the pending tickets an available expert (on duty, within working hours, below capacity: the
 * planner's own per-expert rules) has the skill for at the required level, plus every ticket past its
 * time-to-assign target (to escalate it, with its explanation), each with the experts who rejected it. With a
 * scope of `only` these tickets, the others pending are left out unless past that target (job.ts says why).
 * Both halves of the filter have a partial index on `new` tickets (migration hot_path_partial_indexes).
 * Decision: during a spike that fills experts, runs used to re-plan the whole backlog on every trigger although
 * only a few categories could still be served (measured: the worker's CPU per ticket filed doubled as the
 * backlog grew, bench:tickets). The planner still applies every rule itself.
 */
async function loadInput(db: Db, now: Date, scope: RunScope) {
  const experts = await db.sql.query<LoadedExpert>(Prisma.sql`
    SELECT e."expertId", e."firstName", e.skills, e."homeLat", e."homeLon", e."radiusKm", e."onDuty", e.capacity, e."timeZone", e."workingHours",
           COALESCE(a.open, 0)::int AS open
      FROM ${T}."ExpertProjection" e
      LEFT JOIN (SELECT "expertId", count(*) AS open FROM ${T}."Assignment" WHERE status = 'active' GROUP BY "expertId") a ON a."expertId" = e."expertId"`);
  const plannerExperts = experts.map((e) => toPlannerExpert(e, e.open));
  /** Category → the highest level an available expert has in it. */
  const servable = new Map<string, number>();
  for (const expert of plannerExperts) {
    if (expertFailure(expert, now) !== null) continue;
    for (const [category, level] of Object.entries(expert.skills)) servable.set(category, Math.max(level, servable.get(category) ?? 0));
  }
  const candidates = await db.sql.query<LoadedTicket>(Prisma.sql`
    SELECT t.id, t.number, t."customerId", t.status::text AS status, t.version, t."expertId", t."resolvedAt", t."productCategory",
           t."requiredSkillLevel", t."serviceLat", t."serviceLon", t."assignDueAt", t."assignTargetMinutes", t."acceptTargetMinutes",
           t."resolveTargetMinutes",
           ARRAY(SELECT r."expertId"::text FROM ${T}."Assignment" r WHERE r."ticketId" = t.id AND r.status = 'rejected') AS "rejectedBy"
      FROM ${T}."Ticket" t
     WHERE t.status = 'new' AND (t."assignDueAt" <= ${now} OR ${scope.kind === "all" ? Prisma.sql`t."productCategory" = ANY(${[...servable.keys()]}::text[])` : Prisma.sql`t.id = ANY(${[...scope.ticketIds]}::uuid[])`})
     ORDER BY t."createdAt"`);
  const tickets = candidates.filter((t) => (t.assignDueAt !== null && t.assignDueAt <= now) || t.requiredSkillLevel <= (servable.get(t.productCategory) ?? 0));
  return { tickets, experts, plannerExperts, noRoom: servable.size === 0 };
}

/** A pick that lost a race (version changed, ticket no longer `new`) is skipped, not an error. */
const isRace = (error: unknown) => error instanceof DomainError && error.kind === "conflict";

export async function runMatching(db: Db, clock: Clock, logger: Logger, scope: RunScope = ALL_PENDING): Promise<RunResult> {
  const now = clock.now();
  const { tickets, experts, plannerExperts, noRoom } = await loadInput(db, now, scope);
  const result: RunResult = { pending: tickets.length, assigned: 0, escalated: 0, skipped: 0, noRoom };
  if (tickets.length === 0) return result;

  const plan = planAssignments(
    tickets.map((t) => toPlannerTicket(t, t.rejectedBy)),
    plannerExperts,
    now,
  );
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const firstNames = new Map(experts.map((e) => [e.expertId, e.firstName]));
  const deps = { db, clock, logger };

  const picks = plan.assignments.flatMap((pick) => {
    const ticket = byId.get(pick.ticketId);
    if (!ticket) return [];
    const assignment = {
      expertId: pick.expertId,
      expertFirstName: firstNames.get(pick.expertId) ?? "Your expert",
      distanceKm: pick.distanceKm,
      cost: pick.cost,
      arrivalWindowStart: pick.arrivalWindowStart,
      arrivalWindowEnd: pick.arrivalWindowEnd,
      explanation: (plan.explanations[ticket.id] ?? {}) as unknown as Prisma.InputJsonObject,
    };
    return [{ ticket, assignment }];
  });
  const written = await assignPicks(deps, MATCHING_ACTOR, picks);
  result.assigned = written.length;
  result.skipped = picks.length - written.length;

  const assigned = new Set(plan.assignments.map((a) => a.ticketId));
  for (const ticket of tickets) {
    if (assigned.has(ticket.id) || !ticket.assignDueAt || ticket.assignDueAt > now) continue;
    try {
      await transitionTicket(deps, { ticketId: ticket.id, action: "escalate", expectedVersion: ticket.version, actor: MATCHING_ACTOR, channel: "system", reason: NO_ELIGIBLE_EXPERT });
      logger.warn({ ticketId: ticket.id, explanation: plan.explanations[ticket.id] }, "matching: escalated a ticket with no eligible expert past its assign target");
      result.escalated++;
    } catch (error) {
      if (!isRace(error)) throw error;
      result.skipped++;
    }
  }
  return result;
}
