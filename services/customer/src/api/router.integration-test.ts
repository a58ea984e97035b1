import fs from "node:fs";
import { demoCustomers, demoPlans, demoUsers } from "@sysops/demo-data";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import type { Caller } from "@sysops/internal-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate, seedDemo } from "../db/lifecycle.ts";
import { customerRouter } from "./router.ts";
import { createCallerFactory, createContextInner } from "./trpc.ts";

let testDb: TestDatabase;
let db: Db;
const createCaller = createCallerFactory(customerRouter);
const as = (caller: Caller | null) => createCaller(createContextInner({ caller, db }));

const alice = demoCustomers[0]!;
const bob = demoCustomers[1]!;
const aliceUser = demoUsers.customers[0]!;
const asAlice: Caller = { kind: "user", userId: aliceUser.id, role: "customer", name: aliceUser.name, customerId: alice.id };
const agent = demoUsers.agents[0]!;
const asAgent: Caller = { kind: "user", userId: agent.id, role: "agent", name: agent.name };
const asTicketing: Caller = { kind: "service", service: "ticketing" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  const committed = fs.readdirSync(new URL("../../prisma/migrations", import.meta.url), { withFileTypes: true }).filter((e) => e.isDirectory());
  expect(await migrate(testDb.url)).toHaveLength(committed.length);
  expect(await seedDemo(testDb.url)).toEqual({ seeded: true });
  db = createDb(testDb.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

describe("customers.get", () => {
  it("returns a customer's own profile with plan and products", async () => {
    const profile = await as(asAlice).customers.get({ customerId: alice.id });
    expect(profile).toEqual({
      id: alice.id,
      name: alice.name,
      email: alice.email,
      phone: alice.phone,
      defaultAddress: alice.defaultAddress,
      addressLat: alice.addressLat,
      addressLon: alice.addressLon,
      plan: {
        name: "Premier",
        tier: demoPlans[2].tier,
        requiredSkillLevel: 4,
        assignTargetMinutes: 30,
        acceptTargetMinutes: demoPlans[2].acceptTargetMinutes,
        resolveTargetMinutes: demoPlans[2].resolveTargetMinutes,
      },
      products: alice.products.map(({ id, name, category, serialNumber }) => ({ id, name, category, serialNumber })).sort((a, b) => a.name.localeCompare(b.name)),
    });
  });

  it("hides other customers from a customer (NOT_FOUND naming the id)", async () => {
    await expect(as(asAlice).customers.get({ customerId: bob.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: `Customer ${bob.id} not found` });
  });

  it("lets agents and services read any customer, and names a bad id", async () => {
    await expect(as(asAgent).customers.get({ customerId: bob.id })).resolves.toMatchObject({ name: bob.name });
    await expect(as(asTicketing).customers.get({ customerId: bob.id })).resolves.toMatchObject({ name: bob.name });
    await expect(as(asAgent).customers.get({ customerId: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(null).customers.get({ customerId: bob.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("customers.search", () => {
  it("finds by name, email or phone, case-insensitively", async () => {
    expect((await as(asAgent).customers.search({ query: "ROSSI" })).map((c) => c.name)).toEqual(["Carla Rossi"]);
    expect((await as(asAgent).customers.search({ query: "bob.nguyen@" })).map((c) => c.id)).toEqual([bob.id]);
    expect((await as(asAgent).customers.search({ query: "555-0110" })).map((c) => c.name)).toEqual(["Jonas Berg"]);
    // A phone number as the caller reads it out: other punctuation, same digits.
    expect((await as(asAgent).customers.search({ query: "(312) 555 0101" })).map((c) => c.name)).toEqual(["Alice Martin"]);
    expect((await as(asAgent).customers.search({ query: "555.0110" })).map((c) => c.name)).toEqual(["Jonas Berg"]);
    expect(await as(asAgent).customers.search({ query: "zzzz" })).toEqual([]);
  });

  it("is for staff only", async () => {
    await expect(as(asAlice).customers.search({ query: "a" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("products.ownedBy", () => {
  const product = alice.products[0]!;

  it("returns the product when the customer owns it", async () => {
    await expect(as(asTicketing).products.ownedBy({ customerId: alice.id, productId: product.id })).resolves.toEqual({
      id: product.id,
      name: product.name,
      category: product.category,
    });
    await expect(as(asAlice).products.ownedBy({ customerId: alice.id, productId: product.id })).resolves.toMatchObject({ id: product.id });
  });

  it("is NOT_FOUND for someone else's product or someone else's customer id", async () => {
    await expect(as(asTicketing).products.ownedBy({ customerId: bob.id, productId: product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(asAlice).products.ownedBy({ customerId: bob.id, productId: bob.products[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("customers.setDefaultAddress", () => {
  // Carla (index 2) so the other suites' expectations about Alice and Bob stay true.
  const carla = demoCustomers[2]!;
  const carlaUser = demoUsers.customers[2]!;
  const asCarla: Caller = { kind: "user", userId: carlaUser.id, role: "customer", name: carlaUser.name, customerId: carla.id };

  it("saves the customer's own default address, trimmed, and leaves the registered location alone", async () => {
    await expect(as(asCarla).customers.setDefaultAddress({ customerId: carla.id, address: "  9 New Road, Springfield  " })).resolves.toEqual({ defaultAddress: "9 New Road, Springfield" });
    const profile = await as(asCarla).customers.get({ customerId: carla.id });
    expect(profile).toMatchObject({ defaultAddress: "9 New Road, Springfield", addressLat: carla.addressLat, addressLon: carla.addressLon });
  });

  it("refuses a too-short address naming the field, and changes nothing", async () => {
    await expect(as(asCarla).customers.setDefaultAddress({ customerId: carla.id, address: " ab " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await as(asCarla).customers.get({ customerId: carla.id })).defaultAddress).toBe("9 New Road, Springfield");
  });

  it("hides another customer's record (NOT_FOUND) and changes nothing; staff without the agent role are refused", async () => {
    await expect(as(asAlice).customers.setDefaultAddress({ customerId: carla.id, address: "1 Intruder Lane" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(asTicketing).customers.setDefaultAddress({ customerId: carla.id, address: "1 Service Lane" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await as(asCarla).customers.get({ customerId: carla.id })).defaultAddress).toBe("9 New Road, Springfield");
  });

  it("lets an agent save it for a caller", async () => {
    await expect(as(asAgent).customers.setDefaultAddress({ customerId: carla.id, address: carla.defaultAddress })).resolves.toEqual({ defaultAddress: carla.defaultAddress });
  });
});

describe("plans.setTargets", () => {
  const admin = demoUsers.admin;
  const asAdmin: Caller = { kind: "user", userId: admin.id, role: "admin", name: admin.name };
  const profileEvents = () => db.outboxEvent.findMany({ where: { type: "customer.profile_changed" }, orderBy: { id: "asc" } });

  it("changes the plan and announces every customer on it with the new targets, in one transaction", async () => {
    const basic = (await as(asAdmin).plans.list()).find((p) => p.name === "Basic")!;
    const onBasic = demoCustomers.filter((c) => c.planId === basic.id).map((c) => c.id);
    const before = (await profileEvents()).length;
    const result = await as(asAdmin).plans.setTargets({ planId: basic.id, assignTargetMinutes: 7 });
    expect(result).toEqual({ plan: { ...basic, assignTargetMinutes: 7 }, customersAnnounced: onBasic.length });
    const announced = (await profileEvents()).slice(before);
    expect(announced.map((e) => e.aggregateId).sort()).toEqual([...onBasic].sort());
    for (const e of announced) expect(e.payload).toMatchObject({ plan: { name: "Basic", assignTargetMinutes: 7, acceptTargetMinutes: basic.acceptTargetMinutes } });
    await as(asAdmin).plans.setTargets({ planId: basic.id, assignTargetMinutes: basic.assignTargetMinutes });
  });

  it("refuses other roles, no target, a target under a minute and an unknown plan, and changes nothing", async () => {
    const [plan] = await as(asAdmin).plans.list();
    const before = { plans: await as(asAdmin).plans.list(), events: (await profileEvents()).length };
    await expect(as(asAgent).plans.setTargets({ planId: plan!.id, assignTargetMinutes: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(asTicketing).plans.setTargets({ planId: plan!.id, assignTargetMinutes: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(asAdmin).plans.setTargets({ planId: plan!.id })).rejects.toThrow(/Change at least one target/);
    await expect(as(asAdmin).plans.setTargets({ planId: plan!.id, acceptTargetMinutes: 0 })).rejects.toThrow(/at least 1 minute/);
    await expect(as(asAdmin).plans.setTargets({ planId: "00000000-0000-4000-8000-000000000000", assignTargetMinutes: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect({ plans: await as(asAdmin).plans.list(), events: (await profileEvents()).length }).toEqual(before);
  });
});
