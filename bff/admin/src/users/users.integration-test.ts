/**
 * bff-admin over HTTP against the REAL identity service (its router on a fresh, migrated and seeded
 * database): the caller token travels browser-side header → BFF → service, and only admins get the list.
 * The identity package exports its router as a type only, so this test reaches its source by path.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { demoUsers } from "@sysops/demo-data";
import { CALLER_HEADER, signCaller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import { startTrpcServer, type RunningServer } from "@sysops/trpc-server/server";
import { identityRouter } from "../../../../services/identity/src/api/router.ts";
import { callerFromToken } from "../../../../services/identity/src/api/trpc.ts";
import { createDb, type Db } from "../../../../services/identity/src/db/client.ts";
import { migrate, seedDemo } from "@sysops/svc-identity/lifecycle";
import { createServices } from "../clients.ts";
import { appRouter } from "../router.ts";
import { contextFactory } from "../trpc.ts";

const secret = "bff-admin-test-secret-0123456789abcdef";
let testDb: TestDatabase;
let db: Db;
let identity: RunningServer;
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
  await migrate(testDb.url);
  await seedDemo(testDb.url);
  db = createDb(testDb.url);
  const logger = createLogger("bff-admin-test", "silent");
  identity = await startTrpcServer({
    name: "svc-identity-test",
    port: await freePort(),
    router: identityRouter,
    logger,
    createContext: async ({ callerToken }) => ({ caller: await callerFromToken(callerToken, secret), db }),
  });
  bff = await startTrpcServer({
    name: "bff-admin-test",
    port: await freePort(),
    router: appRouter,
    logger,
    createContext: contextFactory(secret, createServices(() => identity.url)),
  });
}, 60_000);

afterAll(async () => {
  await bff?.close();
  await identity?.close();
  await db?.$disconnect();
  await testDb?.drop();
});

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
