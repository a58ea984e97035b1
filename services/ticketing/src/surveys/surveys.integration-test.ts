import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { surveyCreated, surveySubmitted } from "@sysops/events/catalog";
import { createManualClock } from "@sysops/events/clock";
import type { Caller } from "@sysops/internal-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, createContextInner, router } from "../api/trpc.ts";
import type { CustomerDirectory } from "../customers/customer-directory.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/lifecycle.ts";
import { insertTicket } from "../sla/sla-test-fixture.ts";
import { createSurveyFor, surveysRouter } from "./index.ts";
import { hashSurveyToken } from "./survey-token.ts";

const T0 = new Date("2026-03-02T10:00:00.000Z");
const DAY = 86_400_000;
const clock = createManualClock(T0);
const bff: Caller = { kind: "service", service: "bff-customer" };
const createCaller = createCallerFactory(router({ surveys: router(surveysRouter) }));
let testDb: TestDatabase;
let db: Db;
const api = () => createCaller(createContextInner({ caller: bff, db, clock, customers: {} as CustomerDirectory })).surveys;

async function resolvedTicketWithSurvey() {
  const expertId = randomUUID();
  const ticket = await insertTicket(db, { status: "resolved", createdAt: T0, expertId });
  const issued = await db.$transaction((tx) => createSurveyFor(tx, { id: ticket.id, customerId: ticket.customerId, expertId }, clock));
  if (!issued) throw new Error("no survey issued");
  return { ticket, expertId, ...issued };
}
const eventsOf = (ticketId: string, type: string) => db.outboxEvent.findMany({ where: { aggregateId: ticketId, type }, orderBy: { id: "asc" } });

beforeAll(async () => {
  testDb = await createTestDatabase();
  await migrate(testDb.url);
  db = createDb(testDb.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

describe("surveys", () => {
  it("a resolved ticket gets a 14-day single-use link; only the token's hash is stored", async () => {
    clock.set(T0);
    const { ticket, token, surveyId, expiresAt } = await resolvedTicketWithSurvey();
    expect(expiresAt).toEqual(new Date(T0.getTime() + 14 * DAY));
    const row = await db.survey.findUniqueOrThrow({ where: { id: surveyId } });
    expect(row.tokenHash).toBe(hashSurveyToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const [event] = await eventsOf(ticket.id, surveyCreated.type);
    expect(surveyCreated.payload.parse(event!.payload)).toEqual({ surveyId, ticketId: ticket.id, customerId: ticket.customerId, token, expiresAt: expiresAt.toISOString() });
    await expect(api().byToken({ token })).resolves.toEqual({ ticketNumber: ticket.number, productName: "ThinkPad X1", expiresAt, answered: false });
  });

  it("takes one answer; a second submit is a CONFLICT", async () => {
    clock.set(T0);
    const { ticket, token, surveyId, expertId } = await resolvedTicketWithSurvey();
    clock.advance(DAY);
    await expect(api().submit({ token, rating: 5, comment: "Fixed in an hour" })).resolves.toEqual({ surveyId });
    await expect(api().submit({ token, rating: 1, comment: "changed my mind" })).rejects.toMatchObject({ code: "CONFLICT", message: "This survey was already answered" });
    const [event, ...more] = await eventsOf(ticket.id, surveySubmitted.type);
    expect(more).toEqual([]);
    expect(event!.payload).toEqual({ surveyId, ticketId: ticket.id, customerId: ticket.customerId, expertId, rating: 5, comment: "Fixed in an hour" });
    expect(await db.survey.findUniqueOrThrow({ where: { id: surveyId } })).toMatchObject({ rating: 5, submittedAt: clock.now() });
    await expect(api().byToken({ token })).resolves.toMatchObject({ answered: true });
    // Resolved again after a reopen: an answered survey is not issued twice.
    await expect(db.$transaction((tx) => createSurveyFor(tx, { id: ticket.id, customerId: ticket.customerId, expertId }, clock))).resolves.toBeNull();
  });

  it("two concurrent submits: exactly one wins", async () => {
    clock.set(T0);
    const { ticket, token } = await resolvedTicketWithSurvey();
    const results = await Promise.allSettled([api().submit({ token, rating: 4, comment: "a" }), api().submit({ token, rating: 2, comment: "b" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await eventsOf(ticket.id, surveySubmitted.type)).toHaveLength(1);
  });

  it("refuses expired links, unknown tokens and bad answers with clear errors, changing nothing", async () => {
    clock.set(T0);
    const { ticket, token, surveyId } = await resolvedTicketWithSurvey();
    await expect(api().submit({ token, rating: 6, comment: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api().submit({ token, rating: 3, comment: "x".repeat(2001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api().submit({ token: "x".repeat(43), rating: 3, comment: "" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This survey link is not valid" });
    clock.set(new Date(T0.getTime() + 14 * DAY));
    await expect(api().byToken({ token })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "This survey link expired on 2026-03-16" });
    await expect(api().submit({ token, rating: 3, comment: "late" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "This survey link expired on 2026-03-16" });
    expect(await db.survey.findUniqueOrThrow({ where: { id: surveyId } })).toMatchObject({ rating: null, submittedAt: null });
    expect(await eventsOf(ticket.id, surveySubmitted.type)).toEqual([]);
  });

  it("a reopened and re-resolved ticket gets a new link; the old one stops working", async () => {
    clock.set(T0);
    const { ticket, token: first, expertId } = await resolvedTicketWithSurvey();
    const again = await db.$transaction((tx) => createSurveyFor(tx, { id: ticket.id, customerId: ticket.customerId, expertId }, clock));
    expect(again?.token).not.toBe(first);
    await expect(api().byToken({ token: first })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api().submit({ token: again!.token, rating: 4, comment: "" })).resolves.toBeDefined();
  });
});
