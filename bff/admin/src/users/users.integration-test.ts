/**
 * bff-admin over HTTP against the REAL identity service (its router on a fresh, migrated and seeded
 * database): the caller token travels browser-side header → BFF → service, and only admins get the list.
 * The identity package exports its router as a type only, so this test reaches its source by path.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededTestDatabase } from "@sysops/db/test-database";
import { demoUsers } from "@sysops/demo-data";
import { CALLER_HEADER, signCaller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import type { RunningServer } from "@sysops/trpc-server/server";
import { startTestServer, Teardown } from "@sysops/trpc-server/testing";
import { identityRouter } from "../../../../services/identity/src/api/router.ts";
import { callerFromToken } from "../../../../services/identity/src/api/trpc.ts";
import { createDb } from "../../../../services/identity/src/db/client.ts";
import * as identityLifecycle from "@sysops/svc-identity/lifecycle";
import { createServices } from "../clients.ts";
import { appRouter } from "../router.ts";
import { contextFactory } from "../trpc.ts";

const secret = "bff-admin-test-secret-0123456789abcdef";
const teardown = new Teardown();
let bff: RunningServer;

beforeAll(async () => {
  const testDb = teardown.add(await createSeededTestDatabase(identityLifecycle), (t) => t.drop());
  const db = teardown.add(createDb(testDb.url), (d) => d.$disconnect());
  const logger = createLogger("bff-admin-test", "silent");
  const identity = teardown.server(
    await startTestServer({
      name: "svc-identity-test",
      router: identityRouter,
      logger,
      createContext: async ({ callerToken }) => ({ caller: await callerFromToken(callerToken, secret), db }),
    }),
  );
  bff = teardown.server(await startTestServer({ name: "bff-admin-test", router: appRouter, logger, createContext: contextFactory(secret, createServices(() => identity.url)) }));
}, 60_000);

afterAll(() => teardown.run());

const listAs = async (caller: UserCaller) => fetch(`${bff.url}/users.list`, { headers: { [CALLER_HEADER]: await signCaller(caller, secret) } });

describe("users.list with the real identity service", () => {
  it("gives an admin every user as {id, email, name, role}", async () => {
    const { admin } = demoUsers;
    const res = await listAs({ kind: "user", userId: admin.id, role: "admin", name: admin.name });
    expect(res.status).toBe(200);
    const users = ((await res.json()) as { result: { data: Record<string, unknown>[] } }).result.data;
    expect(users.length).toBeGreaterThan(1);
    expect(users.map((u) => Object.keys(u).sort())).toContainEqual(["email", "id", "name", "role"]);
    expect(users).toContainEqual({ id: admin.id, email: admin.email, name: admin.name, role: "admin" });
  });

  it("refuses a manager with 403", async () => {
    const { manager } = demoUsers;
    const res = await listAs({ kind: "user", userId: manager.id, role: "manager", name: manager.name });
    expect(res.status).toBe(403);
  });
});
