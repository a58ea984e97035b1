/**
 * The sweep that makes timers survive a Redis loss or a stopped worker: the due times live on the tickets,
 * so for every ticket with a running target it fires what is overdue and not yet recorded, and (re-)adds the
 * jobs of what fires within `horizonMs` (a job that still exists is left alone). Later timers get their jobs
 * from a later sweep, in time: the sweep runs more often than the horizon. Decision: re-adding every open
 * ticket's jobs on every sweep cost a Lua call per timer per minute (2 000 calls for 1 000 open tickets, a
 * burst that delayed everything else on the machine); the horizon bounds that to what is due soon.
 */
import type { Clock } from "@sysops/events/clock";
import { fireSlaTimer } from "./fire-sla.ts";
import { SQL_SCHEMA, type Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { SlaFiringKind, SlaTarget } from "../generated/prisma/enums.ts";
import { firedInThisPhase, timersFor, WARNING_SHARE, type SlaTimer, type TimedTicket } from "./sla-plan.ts";
import { addTimerJobs, currentSlaRuntime, type SlaRuntime } from "./sla-timers.ts";

const PAGE = 500;

export interface ReconcileResult {
  fired: number;
  scheduled: number;
}

/** Jobs are (re-)added for timers that fire within this much (default: a sweep every minute, see sla-worker.ts). */
export const DEFAULT_SWEEP_HORIZON_MS = 5 * 60_000;

export async function reconcileSla(clock?: Clock, rt: SlaRuntime | null = currentSlaRuntime(), horizonMs = DEFAULT_SWEEP_HORIZON_MS): Promise<ReconcileResult> {
  if (!rt) throw new Error("reconcileSla: the SLA worker is not started");
  const now = (clock ?? rt.clock).now();
  const horizon = now.getTime() + horizonMs;
  const result: ReconcileResult = { fired: 0, scheduled: 0 };
  let cursor = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const tickets = await dueSoon(rt.db, horizon, cursor);
    const ahead: SlaTimer[] = [];
    for (const ticket of tickets) {
      for (const timer of timersFor(ticket)) {
        const done = ticket.slaFirings.some((f) => f.target === timer.target && f.kind === timer.kind && firedInThisPhase(f.firedAt, timer.phaseStartedAt));
        if (done) continue;
        if (timer.fireAt <= now) {
          if ((await fireSlaTimer(rt.db, clock ?? rt.clock, timer)) === "fired") result.fired++;
        } else if (timer.fireAt.getTime() <= horizon) {
          ahead.push(timer);
        }
      }
    }
    // A page's timers in one round trip (jobs that exist already are left as they are).
    await addTimerJobs(rt, ahead);
    result.scheduled += ahead.length;
    if (tickets.length < PAGE) return result;
    cursor = tickets.at(-1)!.id;
  }
}

type SweptTicket = TimedTicket & { slaFirings: { target: SlaTarget; kind: SlaFiringKind; firedAt: Date }[] };

/**
 * Open tickets whose running target's warning is due by `horizon` (the breach comes after it), with their
 * firings, a page after `cursor`: one statement on the hot-path pool, filtering in PostgreSQL. Decision: the
 * sweep used to load every open ticket through Prisma, with its firings, every minute (10 000 open tickets
 * during a spike: a burst of seconds of CPU that lengthened every request's tail).
 */
async function dueSoon(db: Db, horizon: number, cursor: string): Promise<SweptTicket[]> {
  const warnBefore = Prisma.sql`interval '1 millisecond' * ${(1 - WARNING_SHARE) * 60_000}::float8`;
  const rows = await db.sql.query<Omit<SweptTicket, "slaFirings"> & { firings: { target: SlaTarget; kind: SlaFiringKind; firedAt: string }[] }>(Prisma.sql`
    SELECT t.id, t.status::text AS status, t."assignDueAt", t."acceptDueAt", t."resolveDueAt",
           t."assignTargetMinutes", t."acceptTargetMinutes", t."resolveTargetMinutes",
           COALESCE((SELECT json_agg(json_build_object('target', f.target, 'kind', f.kind, 'firedAt', f."firedAt" AT TIME ZONE 'UTC'))
                       FROM ${SQL_SCHEMA}."SlaFiring" f WHERE f."ticketId" = t.id), '[]'::json) AS firings
      FROM ${SQL_SCHEMA}."Ticket" t
     WHERE t.id > ${cursor}::uuid
       AND ((t.status = 'new' AND t."assignDueAt" - t."assignTargetMinutes" * ${warnBefore} <= ${new Date(horizon)})
         OR (t.status = 'assigned' AND t."acceptDueAt" - t."acceptTargetMinutes" * ${warnBefore} <= ${new Date(horizon)})
         OR (t.status IN ('accepted', 'in_progress') AND t."resolveDueAt" - t."resolveTargetMinutes" * ${warnBefore} <= ${new Date(horizon)}))
     ORDER BY t.id
     LIMIT ${PAGE}`);
  return rows.map(({ firings, ...ticket }) => ({ ...ticket, slaFirings: firings.map((f) => ({ ...f, firedAt: new Date(f.firedAt) })) }));
}
