import { DEMO_PASSWORD, demoUsers } from "@sysops/demo-data";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate, seedDemo } from "../db/lifecycle.ts";
import { identityRouter } from "./router.ts";
import { createCallerFactory, createContextInner } from "./trpc.ts";
import type { Caller } from "@sysops/internal-auth";

let testDb: TestDatabase;
let db: Db;
const createCaller = createCallerFactory(identityRouter);
const as = (caller: Caller | null) => createCaller(createContextInner({ caller, db }));
const gateway: Caller = { kind: "service", service: "gateway" };
const admin = demoUsers.admin;
const adminCaller: Caller = { kind: "user", userId: admin.id, role: "admin", name: admin.name };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await migrate(testDb.url);
  expect(await seedDemo(testDb.url)).toEqual({ seeded: true });
  db = createDb(testDb.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

describe("identity", () => {
  it("seeds only once and re-migrating applies nothing", async () => {
    expect(await seedDemo(testDb.url)).toEqual({ seeded: false });
    expect(await migrate(testDb.url)).toEqual([]);
  });

  it("verifies the right password and returns the session user", async () => {
    const customer = demoUsers.customers[0]!;
    const { user } = await as(gateway).auth.verifyPassword({ email: customer.email.toUpperCase(), password: DEMO_PASSWORD });
    expect(user).toEqual({ id: customer.id, email: customer.email, name: customer.name, role: "customer", customerId: customer.customerId });
  });

  it("returns null for a wrong password or an unknown email", async () => {
    await expect(as(gateway).auth.verifyPassword({ email: admin.email, password: "wrong-password" })).resolves.toEqual({ user: null });
    await expect(as(gateway).auth.verifyPassword({ email: "nobody@example.com", password: DEMO_PASSWORD })).resolves.toEqual({ user: null });
  });

  it("lets only services verify passwords", async () => {
    await expect(as(adminCaller).auth.verifyPassword({ email: admin.email, password: DEMO_PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(null).auth.verifyPassword({ email: admin.email, password: DEMO_PASSWORD })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lists users to admins only, without password hashes", async () => {
    const users = await as(adminCaller).users.list();
    expect(users).toHaveLength(20);
    expect(Object.keys(users[0]!).sort()).toEqual(["email", "id", "name", "role"]);
    const customer = demoUsers.customers[0]!;
    const customerCaller: Caller = { kind: "user", userId: customer.id, role: "customer", name: customer.name, customerId: customer.customerId };
    await expect(as(customerCaller).users.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists experts with skills and area to managers", async () => {
    const manager: Caller = { kind: "user", userId: demoUsers.manager.id, role: "manager", name: demoUsers.manager.name };
    const experts = await as(manager).experts.list();
    expect(experts).toHaveLength(6);
    const sam = experts.find((e) => e.email === demoUsers.experts[0]!.email);
    expect(sam?.skills[0]).toEqual({ category: "laptop", level: 5 });
    expect(sam?.area.radiusKm).toBe(15);
    expect(sam).toMatchObject({ phone: demoUsers.experts[0]!.profile.phone, workingHours: demoUsers.experts[0]!.workingHours });
  });
});
