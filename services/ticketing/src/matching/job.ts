/**
 * The matching job: runs `runMatching` when triggered (ticket created / rejected / reopened events) and on a
 * periodic sweep, one run at a time across all ticketing processes. The cross-process guarantee is a
 * PostgreSQL session advisory lock (`pg_try_advisory_lock`) held on a dedicated connection for the run;
 * a process that does not get it skips and retries shortly, so a trigger is never lost.
 *
 * Triggered runs are at least `minIntervalMs` apart (start to start), and a run is followed by a rest as long
 * as the CPU time this process spent during it: a burst of 1 000 `ticket.created` events makes a handful of
 * runs over everything pending, not 1 000 runs, and when runs get long (many pending tickets) matching still
 * takes at most about half of the worker's CPU. Decision: the rest used to be the run's wall time, which on a
 * busy machine is mostly waiting (for PostgreSQL, for a core): tickets then waited a second run's length for
 * no CPU saved (bench:sms, "→ assigned" stage). Every run sees all pending tickets it could act on, so a trigger that arrives during the wait
 * is served by the next run; none is lost.
 *
 * A run after nothing but new tickets plans only those (the ids their `ticket.created` events carry), not the
 * tickets earlier runs left pending: in a maximum assignment a ticket left unassigned has no eligible expert
 * with room left, and a new ticket only takes room, so until something gives an expert room or eligibility (a
 * resolution, cancellation, rejection, profile change: `any` triggers; shifts starting: the periodic sweep,
 * also `any`) planning it again cannot assign it: the result is the same optimum. Tickets past their assign
 * target are always loaded (to escalate them). The first run of a process, and any run after an `any` trigger,
 * a failure or a lost race, plans everything. Decision: tickets no expert in range could serve piled up during a
 * burst and every run loaded and planned them again (at 200 tickets/s, 100 000 rows read a second and half of
 * the worker's CPU).
 * @see https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
 */
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { withoutSchemaParam } from "@sysops/db/connection";
import type { Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import type { Db } from "../db/client.ts";
import { ALL_PENDING, runMatching, type RunResult, type RunScope } from "./matching-run.ts";

/** Arbitrary but fixed: the advisory lock key of ticketing's matching job. */
export const MATCHING_LOCK_KEY = 7_301_003;

export interface MatchingJobOptions {
  db: Db;
  databaseUrl: string;
  clock: Clock;
  logger: Logger;
  /** Periodic sweep (default 30 s): escalations and anything a lost trigger missed. 0 disables it. */
  sweepMs?: number;
  /** Retry delay when another process holds the lock. */
  busyRetryMs?: number;
  /** The run itself; tests wrap `runMatching` to count runs. */
  run?: typeof runMatching;
  /** Minimum time between the starts of two triggered runs (default 10 ms). `runOnce` is not limited. */
  minIntervalMs?: number;
}

/**
 * Short enough that a ticket waits little for its run (created → SMS target 200 ms: at 50 ms the wait for the
 * next run was a third of the p99); the rest after each run still bounds matching to about half the worker.
 * Measured with bench:sms at 100 tickets/s (2026-12-04, 4 fresh suites each, alternating): p99 106/121/111/152 ms
 * at 10 ms against 226/128/112/133 ms at 25 ms, the whole machine's CPU per ticket the same (17.5–18.5 ms).
 */
export const DEFAULT_MIN_INTERVAL_MS = 10;

/**
 * Why a run is asked for. `new-ticket`: a ticket was filed, which cannot make an expert available; while the
 * last run found no expert available, such triggers are dropped (the sweep still runs every `sweepMs`, and
 * anything that frees an expert — a resolution, cancellation, rejection, profile change — triggers `any`).
 * Decision: during a spike that fills every expert, each filing used to start a run that could assign nothing.
 */
export type TriggerKind = "new-ticket" | "any";

export interface MatchingJob {
  /** Asks for a run soon; triggers during a run coalesce into one more run. `new-ticket` names the ticket filed. */
  trigger(kind?: TriggerKind, ticketId?: string): void;
  /** One run now if the lock is free: its result, or null when another run holds the lock. */
  runOnce(): Promise<RunResult | null>;
  stop(): Promise<void>;
}

export function startMatchingJob(opts: MatchingJobOptions): MatchingJob {
  const { logger } = opts;
  const pool = new pg.Pool({ connectionString: withoutSchemaParam(opts.databaseUrl), max: 1 });
  pool.on("error", (error) => logger.warn({ err: error }, "matching: idle lock connection lost"));
  // A connection killed during a run (PostgreSQL restart) emits "error" on the checked-out client; without a
  // listener that would crash the process. The run's query fails anyway and the next trigger reconnects.
  pool.on("connect", (client) => client.on("error", (error) => logger.warn({ err: error }, "matching: lock connection lost")));
  let stopped = false;
  let wanted = false;
  let loop: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let lastRunStartedAt = -Infinity;
  let lastRunEndedAt = -Infinity;
  /** CPU ms this process spent during the last run (user + system). */
  let lastRunCpuMs = 0;
  /** The last completed run found no expert available. */
  let lastNoRoom = false;
  /** Tickets filed since the last run started (see the module comment). */
  let filed = new Set<string>();
  /** Something other than a filing asked for a run since the last full run started: the next one plans everything. */
  let fullRunWanted = true;
  const minIntervalMs = opts.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
  const run = opts.run ?? runMatching;
  // Cuts the wait between runs short on stop.
  const stopSignal = new AbortController();

  /** A run under the lock; null when another process holds the lock. */
  async function locked(scope: RunScope): Promise<RunResult | null> {
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MATCHING_LOCK_KEY]);
      if (!rows[0]?.locked) return null;
      try {
        const result = await run(opts.db, opts.clock, logger, scope);
        if (result.assigned || result.escalated || result.skipped) logger.info({ ...result, scope: scope.kind }, "matching run");
        return result;
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MATCHING_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }

  /** A run over everything pending, or over the tickets filed since the last run (see the module comment). */
  async function runAndRecord(full: boolean): Promise<RunResult | null> {
    // From here on, triggers count for the run after this one.
    if (full) fullRunWanted = false;
    const scope: RunScope = full ? ALL_PENDING : { kind: "only", ticketIds: filed };
    const taken = filed;
    filed = new Set();
    let result: RunResult | null;
    try {
      result = await locked(scope);
    } catch (error) {
      fullRunWanted = true;
      throw error;
    }
    if (result === null) {
      // Not run: what it would have planned is still to plan.
      if (full) fullRunWanted = true;
      for (const id of taken) filed.add(id);
      return null;
    }
    lastNoRoom = result.noRoom === true;
    // A pick that lost a race gave back the room it was planned for: plan everything again.
    if (result.skipped > 0) fullRunWanted = true;
    return result;
  }

  const runOnce = () => runAndRecord(true);

  /** Waits out the interval and the rest after the previous run; false when stopped meanwhile. */
  async function waitForInterval(): Promise<boolean> {
    const wait = Math.max(lastRunStartedAt + minIntervalMs, lastRunEndedAt + lastRunCpuMs) - performance.now();
    if (wait > 0) await sleep(wait, undefined, { signal: stopSignal.signal }).catch(() => undefined);
    return !stopped;
  }

  async function drain(): Promise<void> {
    while (wanted && !stopped) {
      if (!(await waitForInterval())) break;
      wanted = false;
      const full = fullRunWanted;
      lastRunStartedAt = performance.now();
      const cpuAtStart = process.cpuUsage();
      try {
        const result = await runAndRecord(full);
        if (result === null) retryLater();
        else if (result.skipped > 0) wanted = true;
      } catch (error) {
        logger.error({ err: error }, "matching run failed");
        retryLater();
      } finally {
        lastRunEndedAt = performance.now();
        const cpu = process.cpuUsage(cpuAtStart);
        lastRunCpuMs = (cpu.user + cpu.system) / 1000;
      }
    }
    loop = null;
  }

  function retryLater() {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      trigger();
    }, opts.busyRetryMs ?? 1_000);
  }

  function trigger(kind: TriggerKind = "any", ticketId?: string) {
    // While no expert has room, a filing starts no run; the run that finds room again is a full one.
    if (stopped || (kind === "new-ticket" && lastNoRoom)) return;
    if (kind === "any" || !ticketId) fullRunWanted = true;
    else filed.add(ticketId);
    wanted = true;
    loop ??= drain();
  }

  const sweepMs = opts.sweepMs ?? 30_000;
  const sweep = sweepMs > 0 ? setInterval(() => trigger("any"), sweepMs) : undefined;

  return {
    trigger,
    runOnce,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopSignal.abort();
      clearInterval(sweep);
      clearTimeout(retryTimer);
      await loop;
      await pool.end();
    },
  };
}
