/**
 * bff-customer over HTTP against the REAL customer service (its server on a fresh, migrated and seeded
 * database): caller token browser-side header → BFF → service; DTOs shaped for the screen; a downstream
 * 4xx keeps its status. The service exports its server for such tests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededTestDatabase } from "@sysops/db/test-database";
import { demoUsers } from "@sysops/demo-data";
import { CALLER_HEADER, signCaller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import type { RunningServer } from "@sysops/trpc-server/server";
import { freePort, startTestServer, Teardown } from "@sysops/trpc-server/testing";
import * as customerLifecycle from "@sysops/svc-customer/lifecycle";
import { startCustomerServer } from "@sysops/svc-customer/server";
import { createServices } from "../clients.ts";
import { appRouter } from "../router.ts";
import { contextFactory } from "../trpc.ts";

const secret = "bff-customer-test-secret-0123456789abc";
const teardown = new Teardown();
let bff: RunningServer;

beforeAll(async () => {
  const testDb = teardown.add(await createSeededTestDatabase(customerLifecycle), (t) => t.drop());
  const logger = createLogger("bff-customer-test", "silent");
  const service = teardown.server(await startCustomerServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: secret, logger }));
  bff = teardown.server(await startTestServer({ name: "bff-customer-test", router: appRouter, logger, createContext: contextFactory(secret, createServices(() => service.url)) }));
}, 60_000);

afterAll(() => teardown.run());

const call = async (caller: UserCaller, path: string, input?: unknown) => {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${bff.url}/${path}${query}`, { headers: { [CALLER_HEADER]: await signCaller(caller, secret) } });
  return { status: res.status, body: (await res.json()) as { result?: { data: unknown }; error?: { data: { fieldErrors?: Record<string, string[]> } } } };
};

const customer = demoUsers.customers[0]!;
const asCustomer: UserCaller = { kind: "user", userId: customer.id, role: "customer", name: customer.name, customerId: customer.customerId };
const agent = demoUsers.agents[0]!;
const asAgent: UserCaller = { kind: "user", userId: agent.id, role: "agent", name: agent.name };

describe("bff-customer with the real customer service", () => {
  it("account.mine returns the customer's own profile, plan and products, without internal ids", async () => {
    const { status, body } = await call(asCustomer, "account.mine");
    expect(status).toBe(200);
    const account = body.result?.data as Record<string, unknown> & { products: unknown[]; plan: unknown };
    expect(Object.keys(account).sort()).toEqual(["defaultAddress", "email", "name", "phone", "plan", "products"]);
    expect(account).toMatchObject({ name: customer.name, email: customer.email });
    expect(account.products.length).toBeGreaterThan(0);
  });

  it("a customer token naming a customer that does not exist gets the service's 404, not a 500", async () => {
    const ghost = { ...asCustomer, customerId: "00000000-0000-4000-8000-000000000000" };
    expect((await call(ghost, "account.mine")).status).toBe(404);
  });

  it("customers.search finds a customer for an agent and refuses a customer", async () => {
    const { status, body } = await call(asAgent, "customers.search", { query: customer.name.split(" ")[0] });
    expect(status).toBe(200);
    expect(body.result?.data).toContainEqual(expect.objectContaining({ name: customer.name, email: customer.email }));
    expect((await call(asCustomer, "customers.search", { query: "Ann" })).status).toBe(403);
  });

  it("customers.search rejects a one-letter query with 400 naming the field", async () => {
    const { status, body } = await call(asAgent, "customers.search", { query: "a" });
    expect(status).toBe(400);
    expect(body.error?.data.fieldErrors).toHaveProperty("query");
  });
});
