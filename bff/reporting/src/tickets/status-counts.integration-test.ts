/**
 * bff-reporting over HTTP against the REAL ticketing service (fresh, migrated and seeded database): a
 * manager gets one row per status whose counts add up to the seeded tickets. The ticketing server module
 * is reached by path until the service exports it (test-only).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { demoTickets, demoUsers } from "@sysops/demo-data";
import { CALLER_HEADER, signCaller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import * as customerLifecycle from "@sysops/svc-customer/lifecycle";
import * as ticketingLifecycle from "@sysops/svc-ticketing/lifecycle";
import { startTrpcServer, type RunningServer } from "@sysops/trpc-server/server";
import { startTicketingServer } from "../../../../services/ticketing/src/server.ts";
import { createServices } from "../clients.ts";
import { appRouter } from "../router.ts";
import { contextFactory } from "../trpc.ts";

const secret = "bff-reporting-test-secret-0123456789a";
let testDb: TestDatabase;
let ticketing: RunningServer;
let bff: RunningServer;

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const lifecycle of [customerLifecycle, ticketingLifecycle]) {
    await lifecycle.migrate(testDb.url);
    await lifecycle.seedDemo(testDb.url);
  }
  const logger = createLogger("bff-reporting-test", "silent");
  // Counting tickets never calls the customer service; a dead URL proves it.
  ticketing = await startTicketingServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: secret, customerServiceUrl: "http://127.0.0.1:9", logger });
  bff = await startTrpcServer({
    name: "bff-reporting-test",
    port: await freePort(),
    router: appRouter,
    logger,
    createContext: contextFactory(secret, createServices(() => ticketing.url)),
  });
}, 60_000);

afterAll(async () => {
  await bff?.close();
  await ticketing?.close();
  await testDb?.drop();
});

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
