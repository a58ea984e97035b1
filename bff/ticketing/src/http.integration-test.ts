/**
 * bff-ticketing over real HTTP (its own server, as main.ts starts it): the caller token from the header
 * decides who acts, a forged token is refused, and bad input is a 400 naming the field without reaching
 * a service.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLER_HEADER, signCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import type { RunningServer } from "@sysops/trpc-server/server";
import { startTestServer } from "@sysops/trpc-server/testing";
import { createServices } from "./clients.ts";
import { appRouter } from "./router.ts";
import { contextFactory } from "./trpc.ts";

const secret = "bff-ticketing-test-secret-0123456789";
let hits = 0;
let tripwire: http.Server;
let bff: RunningServer;

beforeAll(async () => {
  tripwire = http.createServer((_req, res) => {
    hits += 1;
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => tripwire.listen(0, "127.0.0.1", resolve));
  const serviceUrl = `http://127.0.0.1:${(tripwire.address() as AddressInfo).port}`;
  bff = await startTestServer({
    name: "bff-ticketing-test",
    router: appRouter,
    logger: createLogger("bff-ticketing-test", "silent"),
    createContext: contextFactory(secret, createServices(() => serviceUrl)),
  });
});
afterAll(async () => {
  await bff.close();
  await new Promise<void>((resolve) => tripwire.close(() => resolve()));
});

const customerToken = () => signCaller({ kind: "user", userId: "u-1", role: "customer", name: "Ann", customerId: "c-1" }, secret);

describe("bff-ticketing over HTTP", () => {
  it("answers me for the user in the caller token", async () => {
    const res = await fetch(`${bff.url}/me`, { headers: { [CALLER_HEADER]: await customerToken() } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { data: { name: "Ann", role: "customer" } } });
  });

  it("refuses a missing or forged caller token with 401", async () => {
    expect((await fetch(`${bff.url}/me`)).status).toBe(401);
    const forged = await signCaller({ kind: "user", userId: "u-9", role: "admin", name: "Eve" }, "not-the-secret-but-long-enough-000");
    expect((await fetch(`${bff.url}/me`, { headers: { [CALLER_HEADER]: forged } })).status).toBe(401);
  });

  it("rejects a blank description with 400 naming the field, before any service call", async () => {
    const before = hits;
    const res = await fetch(`${bff.url}/customer.fileTicket`, {
      method: "POST",
      headers: { "content-type": "application/json", [CALLER_HEADER]: await customerToken() },
      body: JSON.stringify({
        productId: "p-1", category: "tv", description: "  ", serviceAddress: "12 Main Street", saveAsDefault: false,
        preferredDate: "", preferredSlot: "any", idempotencyKey: "7c9e6679-7425-40de-944b-e07fc1f90ae7", timeZone: "UTC",
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.data.fieldErrors).toEqual({ description: ["Describe the problem in a few words (at least 10 characters)"] });
    expect(hits).toBe(before);
  });
});
