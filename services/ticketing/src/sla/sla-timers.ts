/**
 * The BullMQ side of SLA timers: one delayed job per (ticket, target, kind) with a deterministic id.
 * Transitions call `scheduleFor` / `cancelFor` after commit without holding a queue, so the running worker
 * registers itself here (`useSlaRuntime`); without one (tests of other modules, scripts) they do nothing and
 * the sweep (`reconcileSla`) catches up from the due times stored on the tickets.
 */
import type { Queue } from "bullmq";
import type { Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import type { Db } from "../db/client.ts";
import type { SlaTicket } from "./sla-ticket.ts";
import type { SlaFiringKind, SlaTarget } from "../generated/prisma/enums.ts";
import { SLA_KINDS, SLA_TARGETS, slaJobId, timersFor, type SlaTimer, type TimedTicket } from "./sla-plan.ts";

export interface SlaJobData {
  ticketId: string;
  target: SlaTarget;
  kind: SlaFiringKind;
  /** ISO time: the due time the timer was planned against. */
  dueAt: string;
}

export interface SlaRuntime {
  db: Db;
  queue: Queue<SlaJobData>;
  clock: Clock;
  logger: Logger;
}

let runtime: SlaRuntime | null = null;

/** Registers (or, with null, clears) the runtime used by `scheduleFor`, `cancelFor` and `reconcileSla`. */
export function useSlaRuntime(next: SlaRuntime | null): void {
  runtime = next;
}

export function currentSlaRuntime(): SlaRuntime | null {
  return runtime;
}

export const timedTicketSelect = {
  id: true,
  status: true,
  assignDueAt: true,
  acceptDueAt: true,
  resolveDueAt: true,
  assignTargetMinutes: true,
  acceptTargetMinutes: true,
  resolveTargetMinutes: true,
} as const;

/** Adds the timers' jobs in one round trip, each unless one with its id exists already (BullMQ ignores a duplicate id). */
export async function addTimerJobs(rt: SlaRuntime, timers: readonly SlaTimer[]): Promise<void> {
  if (timers.length === 0) return;
  const now = rt.clock.now().getTime();
  await rt.queue.addBulk(
    timers.map((timer) => ({
      name: `${timer.target}.${timer.kind}`,
      data: { ticketId: timer.ticketId, target: timer.target, kind: timer.kind, dueAt: timer.dueAt.toISOString() } satisfies SlaJobData,
      opts: {
        jobId: slaJobId(timer.ticketId, timer.target, timer.kind),
        // Delays come from the injected clock, so a test clock set near a due time fires without waiting.
        delay: Math.max(0, timer.fireAt.getTime() - now),
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 5,
        backoff: { type: "exponential", delay: 1000 },
      },
    })),
  );
}


/**
 * Removes every job of the ticket; an active (locked) one finishes and finds its phase over. The six removals
 * go out together (one connection pipelines them).
 */
export async function removeTimerJobs(rt: SlaRuntime, ticketId: string): Promise<void> {
  await Promise.all(
    SLA_TARGETS.flatMap((target) =>
      SLA_KINDS.map((kind) =>
        rt.queue.remove(slaJobId(ticketId, target, kind)).catch((error: unknown) => {
          rt.logger.debug({ err: error, ticketId, target, kind }, "SLA job not removed (running)");
        }),
      ),
    ),
  );
}

export async function scheduleTicket(rt: SlaRuntime, ticket: TimedTicket): Promise<void> {
  await removeTimerJobs(rt, ticket.id);
  await addTimerJobs(rt, timersFor(ticket));
}

/**
 * Starts the timers of tickets matching just assigned (their state is what the caller wrote, not read back):
 * all of a run's in one round trip. Does nothing without a runtime. Decision: the assign timers these tickets
 * may have (only those the sweep created while they waited) are not removed: six removals per assignment
 * were most of the worker's Redis traffic, and a timer of a phase that is over fires, finds it over
 * (`timerStillApplies`) and does nothing (fire-sla.ts).
 */
export async function startTimersOfAssigned(tickets: readonly TimedTicket[]): Promise<void> {
  const rt = runtime;
  if (rt) await addTimerJobs(rt, tickets.flatMap((ticket) => timersFor(ticket)));
}

/** Replaces the ticket's timers with those of its current phase (read from the database, the source of truth). */
export async function scheduleFor(ticket: SlaTicket): Promise<void> {
  const rt = runtime;
  if (!rt) return;
  const current = await rt.db.ticket.findUnique({ where: { id: ticket.id }, select: timedTicketSelect });
  if (current) await scheduleTicket(rt, current);
  else await removeTimerJobs(rt, ticket.id);
}

/** Cancels every pending timer of the ticket. */
export async function cancelFor(ticketId: string): Promise<void> {
  if (runtime) await removeTimerJobs(runtime, ticketId);
}
