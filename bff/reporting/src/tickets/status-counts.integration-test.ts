/**
 * bff-reporting over HTTP against the REAL ticketing service (fresh, migrated and seeded database): a
 * manager gets one row per status whose counts add up to the seeded tickets. The ticketing server module
 * is reached by path until the service exports it (test-only).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededTestDatabase } from "@sysops/db/test-database";
import { demoTickets, demoUsers } from "@sysops/demo-data";
import { CALLER_HEADER, signCaller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import * as customerLifecycle from "@sysops/svc-customer/lifecycle";
import * as ticketingLifecycle from "@sysops/svc-ticketing/lifecycle";
import type { RunningServer } from "@sysops/trpc-server/server";
import { freePort, startTestServer, Teardown } from "@sysops/trpc-server/testing";
import { startTicketingServer } from "../../../../services/ticketing/src/server.ts";
import { createServices } from "../clients.ts";
import { appRouter } from "../router.ts";
import { contextFactory } from "../trpc.ts";

const secret = "bff-reporting-test-secret-0123456789a";
const teardown = new Teardown();
let bff: RunningServer;

beforeAll(async () => {
  const testDb = teardown.add(await createSeededTestDatabase(customerLifecycle, ticketingLifecycle), (t) => t.drop());
  const logger = createLogger("bff-reporting-test", "silent");
  // Counting tickets never calls the customer service; a dead URL proves it.
  const ticketing = teardown.server(
    await startTicketingServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: secret, customerServiceUrl: "http://127.0.0.1:9", logger }),
  );
  bff = teardown.server(await startTestServer({ name: "bff-reporting-test", router: appRouter, logger, createContext: contextFactory(secret, createServices(() => ticketing.url)) }));
}, 60_000);

afterAll(() => teardown.run());

const countsAs = async (caller: UserCaller) => fetch(`${bff.url}/tickets.statusCounts`, { headers: { [CALLER_HEADER]: await signCaller(caller, secret) } });

describe("tickets.statusCounts with the real ticketing service", () => {
  it("gives a manager one row per status, adding up to every seeded ticket", async () => {
    const { manager } = demoUsers;
    const res = await countsAs({ kind: "user", userId: manager.id, role: "manager", name: manager.name });
    expect(res.status).toBe(200);
    const rows = ((await res.json()) as { result: { data: { status: string; count: number }[] } }).result.data;
    expect(rows.map((r) => r.status)).toContain("new");
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(demoTickets.length);
  });

  it("refuses an agent with 403", async () => {
    const agent = demoUsers.agents[0]!;
    expect((await countsAs({ kind: "user", userId: agent.id, role: "agent", name: agent.name })).status).toBe(403);
  });
});
