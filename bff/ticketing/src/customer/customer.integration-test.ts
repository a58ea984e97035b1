/**
 * The customer portal through bff-ticketing over HTTP against the REAL ticketing and customer services (fresh,
 * migrated, seeded database). Tickets are moved on the way matching and the expert would (svc-ticketing's
 * transitionTicket, reached by path: test-only). Covers filing (idempotency, category, preferred window, save as
 * default address), My tickets with the expert's first name and window, the ticket page (timeline,
 * allowedActions), cancel/confirm/reopen with a stale version, surveys from the ticket and by link, and
 * ownership (another customer's ticket is NOT_FOUND and unchanged).
 */
import { randomUUID } from "node:crypto";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededTestDatabase } from "@sysops/db/test-database";
import { demoUsers } from "@sysops/demo-data";
import { systemClock } from "@sysops/events/clock";
import { CALLER_HEADER, signCaller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import * as customerLifecycle from "@sysops/svc-customer/lifecycle";
import * as ticketingLifecycle from "@sysops/svc-ticketing/lifecycle";
import type { RunningServer } from "@sysops/trpc-server/server";
import { startTestServer, Teardown } from "@sysops/trpc-server/testing";
import { createDb, type Db } from "../../../../services/ticketing/src/db/client.ts";
import { transitionTicket } from "../../../../services/ticketing/src/tickets/transition-ticket.ts";
import { createServices } from "../clients.ts";
import type { AppRouter } from "../router.ts";
import { appRouter } from "../router.ts";
import { startRealServices } from "../testing/real-services.ts";
import { contextFactory } from "../trpc.ts";

const secret = "bff-ticketing-customer-test-secret-012345";
const teardown = new Teardown();
let db: Db;
let bff: RunningServer;
const EXPERT_ID = randomUUID();

beforeAll(async () => {
  const testDb = teardown.add(await createSeededTestDatabase(customerLifecycle, ticketingLifecycle), (t) => t.drop());
  db = teardown.add(createDb(testDb.url), (d) => d.$disconnect());
  // Ticketing learns experts from identity's events; here one projection row stands in for that.
  await db.expertProjection.create({
    data: { expertId: EXPERT_ID, name: "Kim Berger", firstName: "Kim", phone: "+1 555 0100", skills: [], homeLat: 0, homeLon: 0, radiusKm: 50, onDuty: true, capacity: 3, timeZone: "UTC", workingHours: [] },
  });
  const logger = createLogger("bff-customer-portal-test", "silent");
  const { urlOf } = await startRealServices({ databaseUrl: testDb.url, internalSecret: secret, logger, teardown });
  bff = teardown.server(
    await startTestServer({ name: "bff-customer-portal-test", router: appRouter, logger, createContext: contextFactory(secret, createServices(urlOf, { internalSecret: secret })) }),
  );
}, 60_000);

afterAll(() => teardown.run());

const headersOf = (caller: UserCaller) => async () => ({ [CALLER_HEADER]: await signCaller(caller, secret) });
const bffAs = (caller: UserCaller) => createTRPCClient<AppRouter>({ links: [httpLink({ url: bff.url, headers: headersOf(caller) })] });
const customerCaller = (i: number): UserCaller => {
  const u = demoUsers.customers[i]!;
  return { kind: "user", userId: u.id, role: "customer", name: u.name, customerId: u.customerId };
};
// Eva (4) and Farid (5): customers the other BFF tests leave alone.
const eva = customerCaller(4);
const farid = customerCaller(5);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: "OK", message: "", fieldErrors: undefined }),
    (e: { message: string; data?: { code?: string; fieldErrors?: Record<string, string[]> } }) => ({ code: e.data?.code ?? "NOT_A_TRPC_ERROR", message: e.message, fieldErrors: e.data?.fieldErrors }),
  );
const ticketCount = (customerId: string) => db.ticket.count({ where: { customerId } });

async function fileFor(caller: UserCaller, extra: Record<string, unknown> = {}) {
  const options = await bffAs(caller).customer.filingOptions.query();
  const product = options.products[0]!;
  return bffAs(caller).customer.fileTicket.mutate({
    productId: product.id,
    category: product.category,
    description: "It stopped working this morning",
    serviceAddress: options.defaultAddress,
    saveAsDefault: false,
    preferredDate: "",
    preferredSlot: "any",
    idempotencyKey: randomUUID(),
    timeZone: "Europe/Berlin",
    ...extra,
  });
}

/** Moves a ticket on as the system and its expert would: assign → accept → start → resolve (issues the survey). */
async function walk(ticketId: string, to: "assigned" | "resolved", expertId = EXPERT_ID) {
  const expert = { kind: "user" as const, userId: expertId, role: "expert" };
  const step = async (action: "assign" | "accept" | "start" | "resolve", extra: Record<string, unknown> = {}) => {
    const { version } = await db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } });
    await transitionTicket(
      { db, clock: systemClock },
      { ticketId, action, expectedVersion: version, actor: action === "assign" ? { kind: "system", id: "matching" } : expert, channel: action === "assign" ? "system" : "web", ...extra },
    );
  };
  const start = new Date(Date.now() + 3_600_000);
  await step("assign", { assignment: { expertId, expertFirstName: "Kim", distanceKm: 1, cost: 1, arrivalWindowStart: start, arrivalWindowEnd: new Date(start.getTime() + 7_200_000), explanation: { test: true } } });
  if (to === "assigned") return { arrivalWindowStart: start.toISOString() };
  await step("accept");
  await step("start");
  await step("resolve", { notes: "Replaced the power board" });
  return { arrivalWindowStart: start.toISOString() };
}

describe("customer portal with the real services", () => {
  it("offers the customer's products, the categories, the saved address and the visit slots", async () => {
    const options = await bffAs(eva).customer.filingOptions.query();
    expect(options.products.length).toBeGreaterThan(0);
    expect(options.categories).toContain(options.products[0]!.category);
    expect(options.defaultAddress.length).toBeGreaterThan(4);
    expect(options.slots.map((s) => s.value)).toEqual(["any", "morning", "afternoon", "evening"]);
  });

  it("files a web ticket with the chosen category and the preferred window in the customer's time zone", async () => {
    // A week ahead (a fixed date would fall out of the 60 days a customer may ask for); the morning slot is
    // 08:00–12:00 on Berlin's wall clock, whatever its UTC offset that day.
    const preferredDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const ticket = await fileFor(eva, { category: "network", preferredDate, preferredSlot: "morning" });
    expect(ticket).toMatchObject({ status: "new", channel: "web", productCategory: "network" });
    const page = await bffAs(eva).customer.ticket.query({ number: ticket.number });
    expect(page).toMatchObject({ allowedActions: ["cancel"] });
    const inBerlin = (iso: string | null) =>
      new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin", dateStyle: "short", timeStyle: "short" }).format(new Date(iso ?? NaN));
    expect([inBerlin(page.preferredWindowStart), inBerlin(page.preferredWindowEnd)]).toEqual([`${preferredDate} 08:00`, `${preferredDate} 12:00`]);
    expect(page.timeline).toEqual([expect.objectContaining({ from: null, to: "new", actorRole: "customer", channel: "web" })]);
    expect(JSON.stringify(page.timeline)).not.toContain(eva.userId);
  });

  it("files one ticket for a replayed idempotency key", async () => {
    const key = randomUUID();
    const before = await ticketCount(eva.customerId!);
    const [a, b] = await Promise.all([fileFor(eva, { idempotencyKey: key }), fileFor(eva, { idempotencyKey: key })]);
    expect(b.id).toBe(a.id);
    expect(await ticketCount(eva.customerId!)).toBe(before + 1);
  });

  it("refuses bad input naming each field and files nothing", async () => {
    const before = await ticketCount(eva.customerId!);
    const refused = await failure(fileFor(eva, { description: "short", serviceAddress: "x", preferredDate: "2020-01-01" }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual(["description", "preferredDate", "serviceAddress"]);
    const foreignProduct = await failure(fileFor(eva, { productId: randomUUID() }));
    expect(foreignProduct.code).toBe("BAD_REQUEST");
    expect(foreignProduct.fieldErrors).toHaveProperty("productId");
    expect(await ticketCount(eva.customerId!)).toBe(before);
  });

  it("saves the address as the default when asked (and only then)", async () => {
    const original = (await bffAs(farid).customer.filingOptions.query()).defaultAddress;
    await fileFor(farid, { serviceAddress: "12 Other Street, Springfield" });
    expect((await bffAs(farid).customer.filingOptions.query()).defaultAddress).toBe(original);
    await fileFor(farid, { serviceAddress: "12 Other Street, Springfield", saveAsDefault: true });
    expect((await bffAs(farid).customer.filingOptions.query()).defaultAddress).toBe("12 Other Street, Springfield");
  });

  it("lists my tickets newest first with the assigned expert's first name and arrival window", async () => {
    const ticket = await fileFor(eva);
    const { arrivalWindowStart } = await walk(ticket.id, "assigned");
    const mine = await bffAs(eva).customer.myTickets.query();
    expect(mine[0]).toMatchObject({ id: ticket.id, status: "assigned", expertFirstName: "Kim", arrivalWindowStart });
    expect((await bffAs(farid).customer.myTickets.query()).map((t) => t.id)).not.toContain(ticket.id);
  });

  it("cancels before work starts; a stale page gets 'This ticket changed…' and nothing changes", async () => {
    const ticket = await fileFor(eva);
    const page = await bffAs(eva).customer.ticket.query({ number: ticket.number });
    await walk(ticket.id, "assigned"); // changed meanwhile: the page's version is stale
    const stale = await failure(bffAs(eva).customer.cancel.mutate({ ticketId: ticket.id, expectedVersion: page.version }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/This ticket changed/);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("assigned");

    const fresh = await bffAs(eva).customer.ticket.query({ number: ticket.number });
    expect(fresh.allowedActions).toEqual(["cancel"]);
    await expect(bffAs(eva).customer.cancel.mutate({ ticketId: ticket.id, expectedVersion: fresh.version })).resolves.toMatchObject({ status: "cancelled" });
    const after = await bffAs(eva).customer.ticket.query({ number: ticket.number });
    expect(after.allowedActions).toEqual([]);
    expect(after.timeline.map((e) => e.to)).toEqual(["new", "assigned", "cancelled"]);
  });

  it("after resolution offers confirm and reopen; reopen sends it back to matching", async () => {
    const ticket = await fileFor(eva);
    await walk(ticket.id, "resolved");
    const page = await bffAs(eva).customer.ticket.query({ number: ticket.number });
    expect(page.allowedActions).toEqual(["confirm", "reopen"]);
    await expect(bffAs(eva).customer.reopen.mutate({ ticketId: ticket.id, expectedVersion: page.version })).resolves.toMatchObject({ status: "new" });
    const forced = await failure(bffAs(eva).customer.confirm.mutate({ ticketId: ticket.id, expectedVersion: page.version + 1 }));
    expect(forced.code).toBe("CONFLICT"); // not offered any more: the service refuses it
  });

  it("answers the survey once from the ticket page; the link shows it as answered and refuses a second answer", async () => {
    const ticket = await fileFor(eva);
    await walk(ticket.id, "resolved");
    const before = await bffAs(eva).customer.ticket.query({ number: ticket.number });
    expect(before.survey.state).toBe("open");
    await bffAs(eva).customer.answerTicketSurvey.mutate({ ticketId: ticket.id, rating: 5, comment: "Great" });
    expect((await bffAs(eva).customer.ticket.query({ number: ticket.number })).survey).toMatchObject({ state: "answered", rating: 5 });
    const again = await failure(bffAs(eva).customer.answerTicketSurvey.mutate({ ticketId: ticket.id, rating: 1, comment: "" }));
    expect(again).toMatchObject({ code: "CONFLICT", message: "This survey was already answered" });

    const event = await db.outboxEvent.findFirstOrThrow({ where: { aggregateId: ticket.id, type: "survey.created" } });
    const token = (event.payload as { token: string }).token;
    await expect(bffAs(eva).customer.surveyByToken.query({ token })).resolves.toMatchObject({ ticketNumber: ticket.number, answered: true });
    expect((await failure(bffAs(eva).customer.answerSurveyByToken.mutate({ token, rating: 2, comment: "" }))).code).toBe("CONFLICT");
  });

  it("answers by the e-mail link; a bad rating names the field", async () => {
    const ticket = await fileFor(eva);
    await walk(ticket.id, "resolved");
    const event = await db.outboxEvent.findFirstOrThrow({ where: { aggregateId: ticket.id, type: "survey.created" } });
    const token = (event.payload as { token: string }).token;
    expect((await failure(bffAs(eva).customer.answerSurveyByToken.mutate({ token, rating: 9, comment: "" }))).fieldErrors).toHaveProperty("rating");
    await bffAs(eva).customer.answerSurveyByToken.mutate({ token, rating: 4, comment: "On time" });
    expect(await db.survey.findUniqueOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({ rating: 4, comment: "On time" });
  });

  it("another customer's ticket is NOT_FOUND to read, act on or survey, and stays unchanged", async () => {
    const ticket = await fileFor(eva);
    await walk(ticket.id, "resolved");
    const { version, status } = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    const asFarid = bffAs(farid).customer;
    expect((await failure(asFarid.ticket.query({ number: ticket.number }))).code).toBe("NOT_FOUND");
    for (const act of [asFarid.cancel, asFarid.confirm, asFarid.reopen]) expect((await failure(act.mutate({ ticketId: ticket.id, expectedVersion: version }))).code).toBe("NOT_FOUND");
    expect((await failure(asFarid.answerTicketSurvey.mutate({ ticketId: ticket.id, rating: 1, comment: "" }))).code).toBe("NOT_FOUND");
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ version, status });
    expect((await db.survey.findUniqueOrThrow({ where: { ticketId: ticket.id } })).submittedAt).toBeNull();
  });
});
