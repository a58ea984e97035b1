/**
 * One restart scenario: a burst of ticket creations through the gateway; after `restartAfter` calls one of
 * the suite's servers (its own Redis or PostgreSQL) is stopped, left down for `downMs`, and started again.
 * So that the burst spans the outage instead of spending its budget on fast failures, callers slow down from
 * the stop until the first 2xx after the server is back: each waits `paceWhileDownMs` between calls, and
 * while the server is down at most `maxCallsWhileDown` calls go out (the rest wait until it is up again).
 *
 * Afterwards: every ticket whose caller got a 2xx exists and ends assigned or escalated; no side effect
 * happened twice (ledger-checks.ts); every process of the suite is the one that was running before (none
 * crashed or was restarted by the supervisor). The figures are printed as one JSON line.
 */
import fs from "node:fs";
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { demoUsers } from "@sysops/demo-data";
import { expect } from "@playwright/test";
import { burstEvents, expectEveryNotificationOnce, expectNoSideEffectTwice, unconsumedEvents } from "./ledger-checks.ts";
import { recordedMessages, sinkDeliveries } from "./notification-sinks.ts";
import type { OwnServer, RestartTimes } from "./own-infra.ts";
import type { RestartableSuite } from "./restart-fixture.ts";
import { signInApi, trpcMutation } from "./session.ts";
import { suiteEnv } from "./suite-env.ts";
import { pollUntil, suiteProcessesByScript } from "./suite-processes.ts";
import { asFiler, fireBurst } from "./ticket-burst.ts";
import { setAssignTargets } from "./plan-targets.ts";
import { taggedTicketIds, ticketStatuses, withSuiteDb } from "./ticket-ledger.ts";

const SETTLED = new Set(["assigned", "escalated"]);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** How long a restarted server stays down: 3 s, or SYSOPS_RESTARTS_DOWN_MS (to probe longer outages by hand). */
export const downMs = () => Number(process.env.SYSOPS_RESTARTS_DOWN_MS ?? 3_000);

export interface RestartScenario {
  name: string;
  server: (suite: RestartableSuite) => OwnServer;
  total: number;
  inFlight: number;
  restartAfter: number;
  downMs: number;
  paceWhileDownMs: number;
  maxCallsWhileDown: number;
}

const tally = (statuses: Iterable<string>) => {
  const counts: Record<string, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
};

/** Retries `work` on a fresh connection until PostgreSQL answers (it may just have been restarted). */
async function withDbWhenUp<T>(work: Parameters<typeof withSuiteDb<T>>[0], timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await withSuiteDb(work);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

/**
 * Cancels (as their customers, through the gateway) every ticket still assigned from an earlier scenario or
 * the demo seed, so the experts have free capacity again and this burst gets assignments, not only escalations.
 */
async function freeEveryExpert(contexts: APIRequestContext[]): Promise<void> {
  const assigned = await withDbWhenUp(async (db) =>
    (await db.query<{ id: string; version: number; customerId: string }>(`SELECT id, version, "customerId" FROM ticketing."Ticket" WHERE status = 'assigned'`)).rows,
  );
  for (const ticket of assigned) {
    const index = demoUsers.customers.findIndex((c) => c.customerId === ticket.customerId);
    const res = await trpcMutation(contexts[index]!, "ticketing", "customer.cancel", { ticketId: ticket.id, expectedVersion: ticket.version });
    expect(res.status(), `cancel ticket ${ticket.id}: ${await res.text()}`).toBe(200);
  }
}

async function signedInFilers(contexts: APIRequestContext[]) {
  for (const [i, context] of contexts.entries()) await signInApi(context, demoUsers.customers[i]!.email);
  return Promise.all(contexts.map(asFiler));
}

export async function runRestartScenario(scenario: RestartScenario, suite: RestartableSuite, playwright: PlaywrightWorkerArgs["playwright"]): Promise<void> {
  const tag = `${scenario.name}-${Date.now()}`;
  const server = scenario.server(suite);
  const contexts = await Promise.all(demoUsers.customers.map(() => playwright.request.newContext({ baseURL: suiteEnv.baseUrl, timeout: 30_000 })));
  // Tickets no expert can take escalate once their plan's time-to-assign target (1 minute, the least
  // ticketing accepts) has passed, so the burst settles within the test; the old targets are restored after.
  const restoreTargets = await setAssignTargets(suiteEnv, 1);
  try {
    const filers = await signedInFilers(contexts);
    await freeEveryExpert(contexts);
    const processesBefore = suiteProcessesByScript();

    let restart: Promise<RestartTimes> | undefined;
    let times: RestartTimes | undefined;
    /** The first 2xx that arrived after the server was up again: the flow has recovered. */
    let recoveredAt: number | undefined;
    let paced = false;
    let callsWhileDown = 0;
    const started = Date.now();
    const burst = await fireBurst(filers, {
      total: scenario.total,
      inFlight: scenario.inFlight,
      tag,
      onSent: (n) => {
        if (n !== scenario.restartAfter) return;
        paced = true;
        restart = server.restart(scenario.downMs);
        restart.then((t) => (times = t), () => undefined); // awaited after the burst
      },
      onAnswer: (ok) => {
        if (ok && times && !recoveredAt) {
          recoveredAt = Date.now();
          paced = false;
        }
      },
      beforeSend: async () => {
        if (!paced) return;
        await sleep(scenario.paceWhileDownMs);
        while (!times && callsWhileDown >= scenario.maxCallsWhileDown) await sleep(100);
        if (!times) callsWhileDown++;
      },
    });
    const burstEnded = Date.now();
    expect(restart, `${server.url} was restarted mid-burst`).toBeDefined();
    times = await restart!;
    recoveredAt ??= burst.createdAt.find((at) => at > times!.upAgainAt);

    const ok = burst.createdIds;
    expect(new Set(ok).size, "every 2xx names its own ticket").toBe(ok.length);
    expect(recoveredAt, "creations succeed again after the restart").toBeDefined();

    let last = new Map<string, string>();
    const settledAt = await pollUntil(
      "every 2xx ticket to exist and be assigned or escalated",
      180_000,
      async () => {
        last = await withDbWhenUp((db) => ticketStatuses(db, ok));
        return last.size === ok.length && [...last.values()].every((s) => SETTLED.has(s)) ? Date.now() : undefined;
      },
      2_000,
    ).catch((error: unknown) => {
      console.log(`${scenario.name}: unsettled`, { missing: ok.length - last.size, statuses: tally(last.values()) });
      throw error;
    });
    const statuses = tally(last.values());

    const all = await withDbWhenUp((db) => taggedTicketIds(db, tag));
    await pollUntil("every event of the burst to reach its consumer's inbox", 90_000, async () =>
      (await withDbWhenUp((db) => unconsumedEvents(db, ok, all))) === 0 ? true : undefined, 2_000);
    const effects = await withDbWhenUp((db) => expectNoSideEffectTwice(db, { ok, all, statuses: last }));
    const { forNotification } = await withDbWhenUp((db) => burstEvents(db, ok, all));
    const recorded = await pollUntil("every notification of the burst to be sent", 60_000, async () => {
      const messages = await withDbWhenUp((db) => recordedMessages(db, forNotification));
      return messages.every((m) => m.status !== "queued") ? messages : undefined;
    }, 2_000);
    const notifications = expectEveryNotificationOnce(recorded, await sinkDeliveries(suite.internalSecret));

    // The services survived: the same process of every script as before the restart.
    const processesAfter = suiteProcessesByScript();
    const replaced = [...processesBefore].filter(([script, pids]) => (processesAfter.get(script) ?? []).join() !== pids.join()).map(([script]) => script);
    expect(replaced, "no process of the suite died or was restarted").toEqual([]);
    // Every client error reached a listener (and the structured log): ioredis prints this line only when none did.
    const unhandled = fs.readFileSync(suite.logFile, "utf8").split("\n").filter((line) => line.includes("[ioredis] Unhandled error event"));
    expect(unhandled.length, `unhandled ioredis errors, e.g. ${unhandled[0]}`).toBe(0);

    const failed = [...burst.failures.values()].reduce((a, b) => a + b, 0);
    const sec = (ms: number) => Math.round(ms) / 1000;
    console.log(
      `${scenario.name}:`,
      JSON.stringify({
        sent: burst.sent,
        ok2xx: ok.length,
        failed,
        failures: Object.fromEntries(burst.failures),
        committedWithout2xx: all.length - ok.length,
        ok2xxBeforeStop: burst.createdAt.filter((t) => t < times!.stopAskedAt).length,
        failedBeforeStop: burst.failedAt.filter((t) => t < times!.stopAskedAt).length,
        ok2xxWhileDown: burst.createdAt.filter((t) => t >= times!.stopAskedAt && t < times!.upAgainAt).length,
        failedWhileDownOrRecovering: burst.failedAt.filter((t) => t >= times!.stopAskedAt && t <= recoveredAt!).length,
        ok2xxAfterRecovery: burst.createdAt.filter((t) => t >= recoveredAt!).length,
        failedAfterRecovery: burst.failedAt.filter((t) => t > recoveredAt!).length,
        stopSeconds: sec(times.stoppedAt - times.stopAskedAt),
        downSeconds: sec(times.upAgainAt - times.stoppedAt),
        recoverSecondsAfterUp: sec(recoveredAt! - times.upAgainAt),
        burstSeconds: sec(burstEnded - started),
        settleSecondsAfterBurst: sec(settledAt - burstEnded),
        assigned: statuses.assigned ?? 0,
        escalated: statuses.escalated ?? 0,
        ...effects,
        ...notifications,
      }),
    );
    expect(statuses.assigned ?? 0, "the burst got assignments, not only escalations").toBeGreaterThan(0);
    expect(burst.sent).toBe(scenario.total);
    expect(ok.length + failed).toBe(scenario.total);
  } finally {
    await restoreTargets().catch(() => undefined);
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}
