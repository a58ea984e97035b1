/**
 * Integration-test world for ticketing: a fresh database with the customer service (real, over HTTP) and
 * ticketing migrated, a manual clock, and callers as the demo people. Tests only.
 */
import { createServer } from "node:net";
import { demoCustomers, demoUsers } from "@sysops/demo-data";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { parseEvent, type EventOfType } from "@sysops/events/catalog";
import { createManualClock, type ManualClock } from "@sysops/events/clock";
import type { Caller, UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import * as customerService from "@sysops/svc-customer/lifecycle";
import { startCustomerServer } from "@sysops/svc-customer/server";
import type { RunningServer } from "@sysops/trpc-server/server";
import { ticketingRouter } from "./api/router.ts";
import { createCallerFactory, createContextInner } from "./api/trpc.ts";
import { createDb, type Db } from "./db/client.ts";
import { migrate } from "./db/lifecycle.ts";
import { customerDirectoryAt } from "./server.ts";
import type { TicketView } from "./tickets/ticket-view.ts";

export const SECRET = "integration-test-secret-0123456789abcdef";
export const logger = createLogger("test", "silent");
/** A Wednesday afternoon (UTC). */
export const START = new Date("2026-11-25T15:00:00.000Z");

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });

export const customerCaller = (i: number): UserCaller => {
  const u = demoUsers.customers[i]!;
  return { kind: "user", userId: u.id, role: "customer", name: u.name, customerId: u.customerId };
};
export const agentCaller: UserCaller = { kind: "user", userId: demoUsers.agents[0]!.id, role: "agent", name: demoUsers.agents[0]!.name };
export const expertCaller = (expertId: string): UserCaller => ({ kind: "user", userId: expertId, role: "expert", name: "Expert" });

/** Bob (customer 1): Basic plan (skill level 2), one TV. Alice (customer 0): Premier, laptop + audio. */
export const bob = { caller: customerCaller(1), customer: demoCustomers[1]! };
export const alice = { caller: customerCaller(0), customer: demoCustomers[0]! };

const createCaller = createCallerFactory(ticketingRouter);
type TicketingCaller = ReturnType<typeof createCaller>;

export interface TicketingFixture {
  testDb: TestDatabase;
  db: Db;
  clock: ManualClock;
  as(caller: Caller | null): TicketingCaller;
  fileTicket(who: typeof bob | typeof alice, productIndex?: number): Promise<TicketView>;
  /** Stops the customer service (a test of what still works without it); `close` copes with it stopped. */
  stopCustomerService(): Promise<void>;
  close(): Promise<void>;
}

export async function startTicketingFixture(): Promise<TicketingFixture> {
  const testDb = await createTestDatabase();
  let customerServer: RunningServer | undefined;
  let db: Db | undefined;
  try {
    await customerService.migrate(testDb.url);
    await customerService.seedDemo(testDb.url);
    await migrate(testDb.url);
    customerServer = await startCustomerServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: SECRET, logger });
    db = createDb(testDb.url);
  } catch (error) {
    await customerServer?.close();
    await testDb.drop();
    throw error;
  }
  const clock = createManualClock(START);
  const customers = customerDirectoryAt(customerServer.url, SECRET);
  const ready = { db, server: customerServer };
  const as = (caller: Caller | null): TicketingCaller => createCaller(createContextInner({ caller, db: ready.db, customers, clock }));
  return {
    testDb,
    db,
    clock,
    as,
    async fileTicket(who, productIndex = 0) {
      const product = who.customer.products[productIndex]!;
      return as(who.caller).tickets.create({ customerId: who.customer.id, productId: product.id, description: "It broke.", serviceAddress: who.customer.defaultAddress, channel: "web" });
    },
    async stopCustomerService() {
      await ready.server.close();
    },
    async close() {
      await ready.server.close();
      await ready.db.$disconnect();
      await testDb.drop();
    },
  };
}

/** The customer service's published profiles, as a consumer receives them (validated envelopes). */
export async function publishedProfiles(db: Db): Promise<EventOfType<"customer.profile_changed">[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT id, type, version, "aggregateType", "aggregateId", payload, to_char("occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt"
      FROM "customer"."OutboxEvent" WHERE type = 'customer.profile_changed' ORDER BY "aggregateId"`;
  return rows.map((row) => {
    const parsed = parseEvent(row);
    if (!parsed.ok || parsed.event.type !== "customer.profile_changed") throw new Error(`not a profile event: ${JSON.stringify(row)}`);
    return parsed.event;
  });
}
