/**
 * Sign-in end to end against the REAL identity service: its router served over HTTP on a fresh, migrated
 * and seeded PostgreSQL database, and a demo user's password checked with argon2. The identity package
 * exports its router as a type only, so this test reaches its source by path (test-only; nothing here is
 * bundled into the gateway).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createSeededTestDatabase } from "@sysops/db/test-database";
import { DEMO_PASSWORD, demoUsers } from "@sysops/demo-data";
import { createLogger } from "@sysops/logger";
import { startTestServer, Teardown } from "@sysops/trpc-server/testing";
import { identityRouter } from "../../../../services/identity/src/api/router.ts";
import { callerFromToken } from "../../../../services/identity/src/api/trpc.ts";
import { createDb } from "../../../../services/identity/src/db/client.ts";
import * as identityLifecycle from "@sysops/svc-identity/lifecycle";
import { buildApp } from "../app.ts";
import { connectTestRedis, dropKeysAndQuit, HOST, ORIGIN, TEST_SECRET } from "../testing/gateway-harness.ts";
import { createIdentityClient } from "./identity-client.ts";
import type { FastifyInstance } from "fastify";

const teardown = new Teardown();
let app: FastifyInstance;
const keyPrefix = `test:gateway-identity:${randomUUID()}:`;

beforeAll(async () => {
  const testDb = teardown.add(await createSeededTestDatabase(identityLifecycle), (t) => t.drop());
  const db = teardown.add(createDb(testDb.url), (d) => d.$disconnect());
  const identity = teardown.server(
    await startTestServer({
      name: "svc-identity-test",
      router: identityRouter,
      logger: createLogger("svc-identity-test", "silent"),
      createContext: async ({ callerToken }) => ({ caller: await callerFromToken(callerToken, TEST_SECRET), db }),
    }),
  );
  const redis = teardown.add(connectTestRedis(), (r) => dropKeysAndQuit(r, keyPrefix));
  app = teardown.add(
    await buildApp({
      logger: createLogger("gateway-test", "silent"),
      redis,
      secret: TEST_SECRET,
      identity: createIdentityClient(identity.url, TEST_SECRET),
      identityUrl: identity.url,
      domains: [],
      bffUrlOf: () => "http://127.0.0.1:9",
      shellDir: "/nonexistent-shell",
      mfeDir: "/nonexistent-mfe",
      sessionPrefix: `${keyPrefix}session:`,
      rateLimitPrefix: `${keyPrefix}rate:`,
    }),
    (a) => a.close(),
  );
}, 60_000);

afterAll(() => teardown.run());

const login = (email: string, password: string) =>
  app.inject({ method: "POST", url: "/auth/login", headers: { origin: ORIGIN, host: HOST }, payload: { email, password } });

describe("sign-in with the real identity service", () => {
  it("signs a demo customer in and keeps their customer id in the session", async () => {
    const customer = demoUsers.customers[0]!;
    const res = await login(customer.email, DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { id: customer.id, name: customer.name, email: customer.email, role: "customer", customerId: customer.customerId },
    });
    const session = res.cookies.find((c) => c.name === "sysops_session")?.value;
    const current = await app.inject({ url: "/auth/session", cookies: { sysops_session: session ?? "" } });
    expect(current.json<{ user: { customerId: string } }>().user.customerId).toBe(customer.customerId);
  });

  it("refuses the wrong password with 401", async () => {
    const res = await login(demoUsers.admin.email, "not-the-password");
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: "Email or password is incorrect" });
  });
});
