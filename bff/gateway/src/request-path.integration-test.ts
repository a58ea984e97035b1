/**
 * The whole request path over real HTTP, in one test process: gateway → bff-ticketing → ticketing and
 * customer services, sign-in through the real identity service, on a fresh, migrated and seeded database
 * and real Redis. Proves the session becomes a caller token the BFF and the services accept, and that the
 * request id reaches the BFF. Service and BFF modules without a value export are reached by path (test-only).
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededTestDatabase } from "@sysops/db/test-database";
import { DEMO_PASSWORD, demoUsers } from "@sysops/demo-data";
import { createLogger } from "@sysops/logger";
import * as customerLifecycle from "@sysops/svc-customer/lifecycle";
import * as identityLifecycle from "@sysops/svc-identity/lifecycle";
import * as ticketingLifecycle from "@sysops/svc-ticketing/lifecycle";
import { startTestServer, Teardown } from "@sysops/trpc-server/testing";
import { identityRouter } from "../../../services/identity/src/api/router.ts";
import { callerFromToken } from "../../../services/identity/src/api/trpc.ts";
import { createDb } from "../../../services/identity/src/db/client.ts";
import { createServices } from "../../ticketing/src/clients.ts";
import { appRouter as ticketingBffRouter } from "../../ticketing/src/router.ts";
import { startRealServices } from "../../ticketing/src/testing/real-services.ts";
import { contextFactory } from "../../ticketing/src/trpc.ts";
import { buildApp } from "./app.ts";
import { createIdentityClient } from "./auth/identity-client.ts";
import { connectTestRedis, dropKeysAndQuit, HOST, ORIGIN, TEST_SECRET } from "./testing/gateway-harness.ts";

const logger = createLogger("request-path-test", "silent");
const keyPrefix = `test:gateway-path:${randomUUID()}:`;
const seenRequestIds: string[] = [];
const teardown = new Teardown();
let app: FastifyInstance;

beforeAll(async () => {
  const testDb = teardown.add(await createSeededTestDatabase(identityLifecycle, customerLifecycle, ticketingLifecycle), (t) => t.drop());
  const identityDb = teardown.add(createDb(testDb.url), (d) => d.$disconnect());
  const identity = teardown.server(
    await startTestServer({
      name: "svc-identity-test",
      router: identityRouter,
      logger,
      createContext: async ({ callerToken }) => ({ caller: await callerFromToken(callerToken, TEST_SECRET), db: identityDb }),
    }),
  );
  const { urlOf } = await startRealServices({ databaseUrl: testDb.url, internalSecret: TEST_SECRET, logger, teardown });
  const bffContext = contextFactory(TEST_SECRET, createServices(urlOf));
  const bff = teardown.server(
    await startTestServer({
      name: "bff-ticketing-test",
      router: ticketingBffRouter,
      logger,
      createContext: (request) => {
        seenRequestIds.push(request.requestId);
        return bffContext(request);
      },
    }),
  );

  const redis = teardown.add(connectTestRedis(), (r) => dropKeysAndQuit(r, keyPrefix));
  app = teardown.add(
    await buildApp({
      logger,
      redis,
      secret: TEST_SECRET,
      identity: createIdentityClient(identity.url, TEST_SECRET),
      identityUrl: identity.url,
      domains: ["ticketing"],
      bffUrlOf: () => bff.url,
      shellDir: "/nonexistent-shell",
      mfeDir: "/nonexistent-mfe",
      sessionPrefix: `${keyPrefix}session:`,
      rateLimitPrefix: `${keyPrefix}rate:`,
    }),
    (a) => a.close(),
  );
}, 90_000);

afterAll(() => teardown.run());

describe("browser → gateway → bff-ticketing → services", () => {
  it("a signed-in customer files a ticket and sees it, and the request id reaches the BFF", async () => {
    const customer = demoUsers.customers[0]!;
    const login = await app.inject({
      method: "POST",
      url: "/auth/login",
      headers: { origin: ORIGIN, host: HOST },
      payload: { email: customer.email, password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookies = { sysops_session: login.cookies.find((c) => c.name === "sysops_session")!.value };

    const me = await app.inject({ url: "/api/ticketing/me", cookies, headers: { "x-request-id": "path-test-me" } });
    expect(me.json()).toEqual({ result: { data: { name: customer.name, role: "customer" } } });
    expect(seenRequestIds).toContain("path-test-me");

    const options = await app.inject({ url: "/api/ticketing/customer.filingOptions", cookies });
    const { products, defaultAddress } = options.json<{ result: { data: { products: { id: string; category: string }[]; defaultAddress: string } } }>().result.data;
    const created = await app.inject({
      method: "POST",
      url: "/api/ticketing/customer.fileTicket",
      cookies,
      headers: { origin: ORIGIN, host: HOST, "content-type": "application/json", "x-request-id": "path-test-create" },
      payload: JSON.stringify({
        productId: products[0]!.id,
        category: products[0]!.category,
        description: "The fridge is warm since this morning",
        serviceAddress: defaultAddress,
        saveAsDefault: false,
        preferredDate: "",
        preferredSlot: "any",
        idempotencyKey: randomUUID(),
        timeZone: "UTC",
      }),
    });
    expect(created.statusCode).toBe(200);
    expect(created.headers["x-request-id"]).toBe("path-test-create");
    const ticket = created.json<{ result: { data: { id: string; status: string } } }>().result.data;
    expect(ticket.status).toBe("new");

    const mine = await app.inject({ url: "/api/ticketing/customer.myTickets", cookies });
    expect(mine.json<{ result: { data: { id: string }[] } }>().result.data.map((t) => t.id)).toContain(ticket.id);
  });
});
