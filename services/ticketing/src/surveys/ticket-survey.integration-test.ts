/** Answering the survey from the ticket page: the owner only, once, before it expires; nothing changes on refusal. */
import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { surveySubmitted } from "@sysops/events/catalog";
import { createManualClock } from "@sysops/events/clock";
import type { Caller } from "@sysops/internal-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, createContextInner, router } from "../api/trpc.ts";
import type { CustomerDirectory } from "../customers/customer-directory.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/lifecycle.ts";
import { insertTicket } from "../sla/sla-test-fixture.ts";
import { createSurveyFor, surveysRouter } from "./index.ts";

const T0 = new Date("2026-03-02T10:00:00.000Z");
const DAY = 86_400_000;
const clock = createManualClock(T0);
const createCaller = createCallerFactory(router({ surveys: router(surveysRouter) }));
let testDb: TestDatabase;
let db: Db;
const as = (caller: Caller) => createCaller(createContextInner({ caller, db, clock, customers: {} as CustomerDirectory })).surveys;
const customer = (customerId: string): Caller => ({ kind: "user", userId: randomUUID(), role: "customer", name: "C", customerId });

async function resolvedTicket(withSurvey = true) {
  const ticket = await insertTicket(db, { status: "resolved", createdAt: T0, expertId: randomUUID() });
  if (withSurvey) await db.$transaction((tx) => createSurveyFor(tx, { id: ticket.id, customerId: ticket.customerId, expertId: ticket.expertId }, clock));
  return ticket;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await migrate(testDb.url);
  db = createDb(testDb.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

describe("surveys from the ticket page", () => {
  it("shows an open survey to the owner, takes one answer and emits survey.submitted; a second answer is a CONFLICT", async () => {
    clock.set(T0);
    const ticket = await resolvedTicket();
    const owner = as(customer(ticket.customerId));
    await expect(owner.forTicket({ ticketId: ticket.id })).resolves.toMatchObject({ state: "open", rating: null });
    await owner.submitForTicket({ ticketId: ticket.id, rating: 4, comment: " Quick and tidy " });
    await expect(owner.forTicket({ ticketId: ticket.id })).resolves.toMatchObject({ state: "answered", rating: 4, comment: "Quick and tidy" });
    await expect(owner.submitForTicket({ ticketId: ticket.id, rating: 1, comment: "" })).rejects.toMatchObject({ code: "CONFLICT", message: "This survey was already answered" });
    expect((await db.survey.findUniqueOrThrow({ where: { ticketId: ticket.id } })).rating).toBe(4);
    expect(await db.outboxEvent.count({ where: { aggregateId: ticket.id, type: surveySubmitted.type } })).toBe(1);
  });

  it("hides another customer's ticket (NOT_FOUND) and records nothing", async () => {
    clock.set(T0);
    const ticket = await resolvedTicket();
    const stranger = as(customer(randomUUID()));
    await expect(stranger.forTicket({ ticketId: ticket.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.submitForTicket({ ticketId: ticket.id, rating: 5, comment: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.survey.findUniqueOrThrow({ where: { ticketId: ticket.id } })).submittedAt).toBeNull();
  });

  it("says there is no survey before resolution, refuses an expired one and a rating outside 1-5", async () => {
    clock.set(T0);
    const unresolved = await resolvedTicket(false);
    const owner = as(customer(unresolved.customerId));
    await expect(owner.forTicket({ ticketId: unresolved.id })).resolves.toMatchObject({ state: "none" });
    await expect(owner.submitForTicket({ ticketId: unresolved.id, rating: 5, comment: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const ticket = await resolvedTicket();
    const owner2 = as(customer(ticket.customerId));
    await expect(owner2.submitForTicket({ ticketId: ticket.id, rating: 6, comment: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    clock.advance(15 * DAY);
    await expect(owner2.forTicket({ ticketId: ticket.id })).resolves.toMatchObject({ state: "expired" });
    await expect(owner2.submitForTicket({ ticketId: ticket.id, rating: 5, comment: "" })).rejects.toThrow(/expired/);
  });

  it("is for customers only", async () => {
    clock.set(T0);
    const ticket = await resolvedTicket();
    await expect(as({ kind: "service", service: "bff-ticketing" }).forTicket({ ticketId: ticket.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
