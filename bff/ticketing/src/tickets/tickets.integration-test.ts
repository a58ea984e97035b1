/**
 * bff-ticketing over HTTP against the REAL ticketing and customer services (one fresh, migrated and seeded
 * database; each service owns its schema): the superseded `filing.options` + `tickets.create` pair the load
 * tools still use (the portal's procedures are tested in customer/customer.integration-test.ts). The
 * ticketing server module is reached by path until the service exports it (test-only).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededTestDatabase } from "@sysops/db/test-database";
import { demoUsers } from "@sysops/demo-data";
import { CALLER_HEADER, signCaller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import * as customerLifecycle from "@sysops/svc-customer/lifecycle";
import * as ticketingLifecycle from "@sysops/svc-ticketing/lifecycle";
import type { RunningServer } from "@sysops/trpc-server/server";
import { startTestServer, Teardown } from "@sysops/trpc-server/testing";
import { createServices } from "../clients.ts";
import { appRouter } from "../router.ts";
import { startRealServices } from "../testing/real-services.ts";
import { contextFactory } from "../trpc.ts";
import type { TicketDTO } from "./ticket-dto.ts";

const secret = "bff-ticketing-test-secret-0123456789ab";
const teardown = new Teardown();
let bff: RunningServer;

beforeAll(async () => {
  const testDb = teardown.add(await createSeededTestDatabase(customerLifecycle, ticketingLifecycle), (t) => t.drop());
  const logger = createLogger("bff-ticketing-test", "silent");
  const { urlOf } = await startRealServices({ databaseUrl: testDb.url, internalSecret: secret, logger, teardown });
  bff = teardown.server(await startTestServer({ name: "bff-ticketing-test", router: appRouter, logger, createContext: contextFactory(secret, createServices(urlOf)) }));
}, 60_000);

afterAll(() => teardown.run());

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
