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

/** Adds the timer's job unless one with its id exists already (BullMQ ignores a duplicate id). */
export async function addTimerJob(rt: SlaRuntime, timer: SlaTimer): Promise<void> {
  const data: SlaJobData = { ticketId: timer.ticketId, target: timer.target, kind: timer.kind, dueAt: timer.dueAt.toISOString() };
  await rt.queue.add(`${timer.target}.${timer.kind}`, data, {
    jobId: slaJobId(timer.ticketId, timer.target, timer.kind),
    // Delays come from the injected clock, so a test clock set near a due time fires without waiting.
    delay: Math.max(0, timer.fireAt.getTime() - rt.clock.now().getTime()),
    removeOnComplete: true,
    removeOnFail: 1000,
    attempts: 5,
    backoff: { type: "exponential", delay: 1000 },
  });
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
  await Promise.all(timersFor(ticket).map((timer) => addTimerJob(rt, timer)));
}

/**
 * Replaces the timers of tickets whose current state the caller knows (it just wrote it: the matching job's
 * assignments), without reading them back. Does nothing without a runtime.
 */
export async function scheduleTimers(tickets: readonly TimedTicket[]): Promise<void> {
  const rt = runtime;
  if (rt) await Promise.all(tickets.map((ticket) => scheduleTicket(rt, ticket)));
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
