import { demoUsers } from "@sysops/demo-data";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { expertProfileChanged } from "@sysops/events/catalog";
import type { Caller } from "@sysops/internal-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityRouter } from "../api/router.ts";
import { createCallerFactory, createContextInner } from "../api/trpc.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate, seedDemo } from "../db/lifecycle.ts";

let testDb: TestDatabase;
let db: Db;
const as = (caller: Caller | null) => createCallerFactory(identityRouter)(createContextInner({ caller, db }));
const sam = demoUsers.experts[0]!;
const lena = demoUsers.experts[1]!;
const admin: Caller = { kind: "user", userId: demoUsers.admin.id, role: "admin", name: demoUsers.admin.name };
const asSam: Caller = { kind: "user", userId: sam.id, role: "expert", name: sam.name };
const notification: Caller = { kind: "service", service: "notification" };

const eventsFor = async (expertId: string) =>
  (await db.outboxEvent.findMany({ where: { aggregateId: expertId }, orderBy: { id: "asc" } })).map((e) => {
    expect(e.type).toBe(expertProfileChanged.type);
    return expertProfileChanged.payload.parse(e.payload);
  });

beforeAll(async () => {
  testDb = await createTestDatabase();
  await migrate(testDb.url);
  await seedDemo(testDb.url);
  db = createDb(testDb.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

describe("expert profiles", () => {
  it("seeding publishes one full profile event per expert, once", async () => {
    expect(await db.outboxEvent.count()).toBe(demoUsers.experts.length);
    await seedDemo(testDb.url);
    expect(await db.outboxEvent.count()).toBe(demoUsers.experts.length);
    const [seeded] = await eventsFor(sam.id);
    expect(seeded).toMatchObject({ expertId: sam.id, name: sam.name, phone: sam.profile.phone, radiusKm: 15, onDuty: true, timeZone: "America/Chicago" });
    expect(seeded?.workingHours).toEqual(sam.workingHours);
    expect(seeded?.skills).toHaveLength(sam.skills.length);
  });

  it("updateProfile changes the given fields, replaces skills and records the whole profile in the outbox", async () => {
    const profile = await as(admin).experts.updateProfile({
      expertId: lena.id,
      radiusKm: 30,
      skills: [{ category: "tv", level: 4 }],
      workingHours: [{ weekday: 1, start: "09:00", end: "17:00" }],
    });
    expect(profile).toMatchObject({ radiusKm: 30, skills: [{ category: "tv", level: 4 }], capacity: lena.profile.capacity, homeLat: lena.profile.homeLat });
    const events = await eventsFor(lena.id);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual(profile);
  });

  it("refuses bad input and unknown experts without writing anything", async () => {
    const before = await db.outboxEvent.count();
    await expect(as(admin).experts.updateProfile({ expertId: lena.id, workingHours: [{ weekday: 1, start: "18:00", end: "09:00" }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin).experts.updateProfile({ expertId: lena.id, skills: [{ category: "tv", level: 6 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin).experts.updateProfile({ expertId: lena.id, timeZone: "Mars/Olympus" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin).experts.updateProfile({ expertId: demoUsers.admin.id, capacity: 2 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(asSam).experts.updateProfile({ expertId: sam.id, capacity: 9 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.outboxEvent.count()).toBe(before);
  });

  it("setOnDuty: the expert themself or an admin, nobody else", async () => {
    await expect(as(asSam).experts.setOnDuty({ expertId: sam.id, onDuty: false })).resolves.toMatchObject({ onDuty: false });
    await expect(as(asSam).experts.setOnDuty({ expertId: lena.id, onDuty: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(admin).experts.setOnDuty({ expertId: sam.id, onDuty: true })).resolves.toMatchObject({ onDuty: true });
    expect((await eventsFor(sam.id)).map((e) => e.onDuty)).toEqual([true, false, true]);
  });

  it("users.byRole gives services the contacts of a role", async () => {
    await expect(as(notification).users.byRole({ role: "manager" })).resolves.toEqual([
      { id: demoUsers.manager.id, name: demoUsers.manager.name, email: demoUsers.manager.email },
    ]);
    await expect(as(admin).users.byRole({ role: "manager" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
