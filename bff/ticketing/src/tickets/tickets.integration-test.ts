/**
 * bff-ticketing over HTTP against the REAL ticketing and customer services (one fresh, migrated and seeded
 * database; each service owns its schema): the superseded `filing.options` + `tickets.create` pair the load
 * tools still use (the portal's procedures are tested in customer/customer.integration-test.ts). The
 * ticketing server module is reached by path until the service exports it (test-only).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { demoUsers } from "@sysops/demo-data";
import { CALLER_HEADER, signCaller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import * as customerLifecycle from "@sysops/svc-customer/lifecycle";
import { startCustomerServer } from "@sysops/svc-customer/server";
import * as ticketingLifecycle from "@sysops/svc-ticketing/lifecycle";
import { startTrpcServer, type RunningServer } from "@sysops/trpc-server/server";
import { startTicketingServer } from "../../../../services/ticketing/src/server.ts";
import { createServices } from "../clients.ts";
import { appRouter } from "../router.ts";
import { contextFactory } from "../trpc.ts";
import type { TicketDTO } from "./ticket-dto.ts";

const secret = "bff-ticketing-test-secret-0123456789ab";
let testDb: TestDatabase;
const servers: RunningServer[] = [];
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
  const logger = createLogger("bff-ticketing-test", "silent");
  const customer = await startCustomerServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: secret, logger });
  const ticketing = await startTicketingServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: secret, customerServiceUrl: customer.url, logger });
  servers.push(customer, ticketing);
  bff = await startTrpcServer({
    name: "bff-ticketing-test",
    port: await freePort(),
    router: appRouter,
    logger,
    createContext: contextFactory(secret, createServices((name) => (name === "customer" ? customer.url : ticketing.url))),
  });
}, 60_000);

afterAll(async () => {
  await bff?.close();
  for (const server of servers.reverse()) await server.close();
  await testDb?.drop();
});

type Reply<T> = { status: number; data: T; fieldErrors?: Record<string, string[]> };

async function call<T>(caller: UserCaller, path: string, input?: unknown, method: "GET" | "POST" = "GET"): Promise<Reply<T>> {
  const headers = { [CALLER_HEADER]: await signCaller(caller, secret), "content-type": "application/json" };
  const query = method === "GET" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
  const res = await fetch(`${bff.url}/${path}${query}`, { method, headers, ...(method === "POST" ? { body: JSON.stringify(input) } : {}) });
  const body = (await res.json()) as { result?: { data: T }; error?: { data: { fieldErrors?: Record<string, string[]> } } };
  return { status: res.status, data: body.result?.data as T, ...(body.error?.data.fieldErrors ? { fieldErrors: body.error.data.fieldErrors } : {}) };
}

const customerCaller = (i: number): UserCaller => {
  const u = demoUsers.customers[i]!;
  return { kind: "user", userId: u.id, role: "customer", name: u.name, customerId: u.customerId };
};
const alice = customerCaller(0);

describe("bff-ticketing with the real services", () => {
  let filed: TicketDTO;

  it("files a web ticket for the signed-in customer from the form's options", async () => {
    const options = await call<{ products: { id: string; name: string }[]; defaultAddress: string }>(alice, "filing.options");
    expect(options.status).toBe(200);
    const product = options.data.products[0]!;
    const created = await call<TicketDTO>(
      alice,
      "tickets.create",
      { productId: product.id, description: "  The dishwasher leaks.  ", serviceAddress: options.data.defaultAddress },
      "POST",
    );
    expect(created.status).toBe(200);
    filed = created.data;
    expect(filed).toMatchObject({ status: "new", channel: "web", productName: product.name, description: "The dishwasher leaks.", customerName: demoUsers.customers[0]!.name });
    expect(filed.number).toMatch(/^T-\d{6}$/);
    expect(Object.keys(filed).sort()).toEqual(
      ["channel", "createdAt", "customerName", "description", "id", "number", "productCategory", "productName", "serviceAddress", "status"].sort(),
    );
  });

  it("refuses a product the customer does not own with a 4xx, and a blank description with 400 naming it", async () => {
    const foreign = await call(alice, "tickets.create", { productId: "00000000-0000-4000-8000-000000000000", description: "Broken", serviceAddress: "12 Main Street" }, "POST");
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.status).toBeLessThan(500);
    const blank = await call(alice, "tickets.create", { productId: filed.id, description: " ", serviceAddress: "12 Main Street" }, "POST");
    expect(blank.status).toBe(400);
    expect(blank.fieldErrors).toHaveProperty("description");
  });
});
