/**
 * Issue 3, item 8 — a PostgreSQL restart in the middle of the flow: the suite's PostgreSQL is stopped (fast
 * shutdown: open transactions roll back, every connection is cut) during a burst of creations through the
 * gateway, left down for 3 s and started again on the same port and data. Every ticket that got a 2xx ends
 * assigned or escalated, no side effect happened twice, no process of the suite died.
 */
import { test } from "../support/restart-fixture.ts";
import { downMs, runRestartScenario } from "../support/restart-scenario.ts";

test("PostgreSQL restart during 400 creations loses no ticket and doubles no side effect", async ({ restartableSuite, playwright }) => {
  await runRestartScenario(
    { name: "postgres-restart", server: (suite) => suite.postgres, total: 400, inFlight: 20, restartAfter: 120, downMs: downMs(), paceWhileDownMs: 1_000, maxCallsWhileDown: 60 },
    restartableSuite,
    playwright,
  );
});
