/**
 * Issue 3, item 8 — a Redis restart in the middle of the flow: the suite's Redis (sessions, rate limits, the
 * event stream and its consumer groups, BullMQ) is stopped during a burst of creations through the gateway,
 * left down for 3 s and started again on the same port and append-only file. Every ticket that got a 2xx
 * ends assigned or escalated, no side effect happened twice, no process of the suite died.
 */
import { test } from "../support/restart-fixture.ts";
import { downMs, runRestartScenario } from "../support/restart-scenario.ts";

test("Redis restart during 400 creations loses no ticket and doubles no side effect", async ({ restartableSuite, playwright }) => {
  await runRestartScenario(
    { name: "redis-restart", server: (suite) => suite.redis, total: 400, inFlight: 20, restartAfter: 120, downMs: downMs(), paceWhileDownMs: 1_000, maxCallsWhileDown: 60 },
    restartableSuite,
    playwright,
  );
});
