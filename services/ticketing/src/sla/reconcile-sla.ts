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
import { firedInThisPhase, timersFor, type SlaTimer } from "./sla-plan.ts";
import { addTimerJobs, currentSlaRuntime, timedTicketSelect, type SlaRuntime } from "./sla-timers.ts";

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
  let cursor: string | undefined;
  for (;;) {
    const tickets = await rt.db.ticket.findMany({
      where: { status: { in: ["new", "assigned", "accepted", "in_progress"] } },
      select: { ...timedTicketSelect, slaFirings: { select: { target: true, kind: true, firedAt: true } } },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
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
    cursor = tickets.at(-1)?.id;
  }
}
