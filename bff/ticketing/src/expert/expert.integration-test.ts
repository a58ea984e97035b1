/**
 * The expert console through bff-ticketing over HTTP against the REAL ticketing and customer services (fresh,
 * migrated, seeded database). Tickets are filed by a demo customer and assigned the way matching does it
 * (svc-ticketing's transitionTicket, reached by path: test-only). An expert sees and acts on only the
 * tickets assigned to them; illegal actions are refused by the state machine even when forced; a stale
 * version is "This ticket changed…".
 */
import { randomUUID } from "node:crypto";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededTestDatabase } from "@sysops/db/test-database";
import { demoCustomers, demoUsers } from "@sysops/demo-data";
import { systemClock } from "@sysops/events/clock";
import { CALLER_HEADER, signCaller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import * as customerLifecycle from "@sysops/svc-customer/lifecycle";
import type { TicketingRouter } from "@sysops/svc-ticketing/api";
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

const secret = "bff-ticketing-expert-test-secret-0123456789";
const teardown = new Teardown();
let db: Db;
let ticketingUrl: string;
let bff: RunningServer;

beforeAll(async () => {
  const testDb = teardown.add(await createSeededTestDatabase(customerLifecycle, ticketingLifecycle), (t) => t.drop());
  db = teardown.add(createDb(testDb.url), (d) => d.$disconnect());
  const logger = createLogger("bff-expert-test", "silent");
  const { ticketing, urlOf } = await startRealServices({ databaseUrl: testDb.url, internalSecret: secret, logger, teardown });
  ticketingUrl = ticketing.url;
  bff = teardown.server(
    await startTestServer({ name: "bff-expert-test", router: appRouter, logger, createContext: contextFactory(secret, createServices(urlOf, { internalSecret: secret })) }),
  );
}, 60_000);

afterAll(() => teardown.run());

const headersOf = (caller: UserCaller) => async () => ({ [CALLER_HEADER]: await signCaller(caller, secret) });
const bffAs = (caller: UserCaller) => createTRPCClient<AppRouter>({ links: [httpLink({ url: bff.url, headers: headersOf(caller) })] });
const ticketingAs = (caller: UserCaller) => createTRPCClient<TicketingRouter>({ links: [httpLink({ url: ticketingUrl, headers: headersOf(caller) })] });

const expertCaller = (): UserCaller => ({ kind: "user", userId: randomUUID(), role: "expert", name: "Eli Expert" });
const bobUser = demoUsers.customers[1]!;
const bob: UserCaller = { kind: "user", userId: bobUser.id, role: "customer", name: bobUser.name, customerId: bobUser.customerId };
const bobRecord = demoCustomers.find((c) => c.id === bobUser.customerId)!;

/** Bob files a ticket; matching's assignment to `expertId` follows. */
async function assignedTicket(expertId: string, arriveInMs = 3_600_000) {
  const svc = ticketingAs(bob);
  const product = bobRecord.products[0]!;
  const filed = await svc.tickets.create.mutate({ customerId: bob.customerId!, productId: product.id, description: "No picture, only sound", serviceAddress: bobRecord.defaultAddress, channel: "web" });
  const start = new Date(Date.now() + arriveInMs);
  await transitionTicket(
    { db, clock: systemClock },
    {
      ticketId: filed.id,
      action: "assign",
      expectedVersion: filed.version,
      actor: { kind: "system", id: "matching" },
      channel: "system",
      assignment: { expertId, expertFirstName: "Eli", distanceKm: 2, cost: 2, arrivalWindowStart: start, arrivalWindowEnd: new Date(start.getTime() + 7_200_000), explanation: { test: true } },
    },
  );
  return { id: filed.id, number: filed.number, arrivalWindowStart: start.toISOString() };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { data?: { code?: string } }) => e.data?.code ?? "NOT_A_TRPC_ERROR",
  );
const snapshot = (ticketId: string) => db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { status: true, version: true, expertId: true } });

describe("expert console with the real services", () => {
  it("lists my assignments earliest arrival first, with the window; another expert's list stays empty", async () => {
    const me = expertCaller();
    const later = await assignedTicket(me.userId, 4 * 3_600_000);
    const sooner = await assignedTicket(me.userId, 3_600_000);
    const mine = await bffAs(me).expert.assignments.query();
    expect(mine.map((t) => [t.number, t.arrivalWindowStart, t.status])).toEqual([
      [sooner.number, sooner.arrivalWindowStart, "assigned"],
      [later.number, later.arrivalWindowStart, "assigned"],
    ]);
    expect(await bffAs(expertCaller()).expert.assignments.query()).toEqual([]);
  });

  it("opens my ticket with the customer's contact and address, its history and what I may do", async () => {
    const me = expertCaller();
    const { id } = await assignedTicket(me.userId);
    const ticket = await bffAs(me).expert.ticket.query({ ticketId: id });
    expect(ticket).toMatchObject({
      id,
      status: "assigned",
      version: 1,
      serviceAddress: bobRecord.defaultAddress,
      contact: { name: bobRecord.name, phone: bobRecord.phone, email: bobRecord.email },
      allowedActions: ["accept", "reject"],
    });
    expect(ticket.timeline.map((e) => [e.from, e.to, e.actorRole])).toEqual([
      [null, "new", "customer"],
      ["new", "assigned", "system"],
    ]);
  });

  it("someone else's ticket does not exist for an expert: reading and every action are NOT_FOUND, nothing changes", async () => {
    const holder = expertCaller();
    const { id } = await assignedTicket(holder.userId);
    const before = await snapshot(id);
    const other = bffAs(expertCaller()).expert;
    expect(await codeOf(other.ticket.query({ ticketId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.accept.mutate({ ticketId: id, expectedVersion: 1 }))).toBe("NOT_FOUND");
    expect(await codeOf(other.reject.mutate({ ticketId: id, expectedVersion: 1, reason: "Not mine" }))).toBe("NOT_FOUND");
    expect(await codeOf(other.start.mutate({ ticketId: id, expectedVersion: 1 }))).toBe("NOT_FOUND");
    expect(await codeOf(other.resolve.mutate({ ticketId: id, expectedVersion: 1, notes: "Done" }))).toBe("NOT_FOUND");
    expect(await snapshot(id)).toEqual(before);
  });

  it("accept → start → resolve with notes; illegal actions forced anyway are refused; a stale version is 'This ticket changed…'", async () => {
    const me = expertCaller();
    const { id } = await assignedTicket(me.userId);
    const api = bffAs(me).expert;

    // Not offered (allowedActions is accept/reject) and refused when forced: nothing changes.
    const before = await snapshot(id);
    expect(await codeOf(api.start.mutate({ ticketId: id, expectedVersion: 1 }))).toBe("CONFLICT");
    expect(await codeOf(api.resolve.mutate({ ticketId: id, expectedVersion: 1, notes: "Done" }))).toBe("CONFLICT");
    expect(await snapshot(id)).toEqual(before);

    expect(await api.accept.mutate({ ticketId: id, expectedVersion: 1 })).toMatchObject({ status: "accepted", version: 2 });
    await expect(api.start.mutate({ ticketId: id, expectedVersion: 1 })).rejects.toMatchObject({
      data: { code: "CONFLICT" },
      message: expect.stringMatching(/^This ticket changed/) as unknown,
    });
    expect((await api.ticket.query({ ticketId: id })).allowedActions).toEqual(["start"]);
    await api.start.mutate({ ticketId: id, expectedVersion: 2 });
    expect((await api.ticket.query({ ticketId: id })).allowedActions).toEqual(["resolve"]);

    const blank = await api.resolve.mutate({ ticketId: id, expectedVersion: 3, notes: "   " }).catch((e: { data?: { code?: string; fieldErrors?: unknown } }) => e.data);
    expect(blank).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { notes: ["Describe how you resolved the problem"] } });
    expect(await snapshot(id)).toMatchObject({ status: "in_progress", version: 3 });

    expect(await api.resolve.mutate({ ticketId: id, expectedVersion: 3, notes: "Reseated the T-con board" })).toMatchObject({ status: "resolved", version: 4 });
    expect(await api.assignments.query()).toEqual([]);
  });

  it("reject needs a reason; a rejected ticket leaves my list, goes back to matching and is no longer mine to read", async () => {
    const me = expertCaller();
    const { id } = await assignedTicket(me.userId);
    const api = bffAs(me).expert;
    const blank = await api.reject.mutate({ ticketId: id, expectedVersion: 1, reason: "" }).catch((e: { data?: unknown }) => e.data);
    expect(blank).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { reason: ["Give a reason for rejecting the ticket"] } });
    expect(await snapshot(id)).toMatchObject({ status: "assigned", expertId: me.userId });

    expect(await api.reject.mutate({ ticketId: id, expectedVersion: 1, reason: "Outside my skills" })).toMatchObject({ status: "new" });
    expect(await api.assignments.query()).toEqual([]);
    expect(await codeOf(api.ticket.query({ ticketId: id }))).toBe("NOT_FOUND");
  });
});
