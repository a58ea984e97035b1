import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentCaller, alice, bob, customerCaller, expertCaller, logger, startTicketingFixture, type TicketingFixture } from "../test-fixture.ts";
import { autoCloseResolved } from "./auto-close.ts";
import { REOPEN_WINDOW_MS } from "./state-machine.ts";
import { transitionTicket } from "./transition-ticket.ts";

const EXPERT = "e1000000-0000-4000-8000-000000000001";
const OTHER_EXPERT = "e1000000-0000-4000-8000-000000000002";
let f: TicketingFixture;

beforeAll(async () => {
  f = await startTicketingFixture();
  await f.db.expertProjection.create({
    data: { expertId: EXPERT, name: "Ada Lovelace", firstName: "Ada", phone: "+1-312-555-0199", skills: [{ category: "tv", level: 5 }], homeLat: 41.95, homeLon: -87.65, radiusKm: 20, onDuty: true, capacity: 3, timeZone: "UTC", workingHours: [] },
  });
});
afterAll(async () => {
  await f?.close();
});

/** What matching does, without the job: assign the ticket to `expertId`. */
async function assign(ticketId: string, expertId = EXPERT, arriveInMs = 0) {
  const { version } = await f.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  const now = new Date(f.clock.now().getTime() + arriveInMs);
  return transitionTicket(
    { db: f.db, clock: f.clock },
    {
      ticketId,
      action: "assign",
      expectedVersion: version,
      actor: { kind: "system", id: "matching" },
      channel: "system",
      assignment: { expertId, expertFirstName: "Ada", distanceKm: 1.2, cost: 1.2, arrivalWindowStart: now, arrivalWindowEnd: new Date(now.getTime() + 7_200_000), explanation: { candidates: 1 } },
    },
  );
}

/** Everything a refused transition must leave unchanged. */
async function snapshot(ticketId: string) {
  const [ticket, transitions, events, assignments] = await Promise.all([
    f.db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { status: true, version: true, expertId: true, updatedAt: true } }),
    f.db.ticketTransition.count({ where: { ticketId } }),
    f.db.outboxEvent.count({ where: { aggregateId: ticketId } }),
    f.db.assignment.findMany({ where: { ticketId }, select: { status: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { ticket, transitions, events, assignments };
}

async function refused(ticketId: string, attempt: () => Promise<unknown>): Promise<TRPCError> {
  const before = await snapshot(ticketId);
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect(await snapshot(ticketId)).toEqual(before);
  return error as TRPCError;
}

const eventsOf = async (ticketId: string, type: string) =>
  (await f.db.outboxEvent.findMany({ where: { aggregateId: ticketId, type }, orderBy: { id: "asc" } })).map((e) => e.payload as Record<string, unknown>);

describe("the happy path: assigned → accepted → in_progress → resolved → closed", () => {
  it("records every step with actor, role, channel, reason, and emits the events", async () => {
    const created = await f.fileTicket(bob);
    expect(created).toMatchObject({ status: "new", version: 0, requiredSkillLevel: 2, planTier: "1", serviceLat: bob.customer.addressLat });
    expect(created.assignDueAt).toBe(new Date(f.clock.now().getTime() + 240 * 60_000).toISOString());

    const assigned = await assign(created.id);
    expect(assigned).toMatchObject({ status: "assigned", version: 1, expertId: EXPERT });
    expect((await eventsOf(created.id, "ticket.assigned"))[0]).toMatchObject({ expertId: EXPERT, expertFirstName: "Ada", costKm: 1.2 });

    const expert = f.as(expertCaller(EXPERT)).tickets;
    const accepted = await expert.accept({ ticketId: created.id, expectedVersion: 1 });
    expect(accepted).toMatchObject({ status: "accepted", version: 2 });
    expect(accepted.resolveDueAt).not.toBeNull();
    await expert.start({ ticketId: created.id, expectedVersion: 2 });
    const resolved = await expert.resolve({ ticketId: created.id, expectedVersion: 3, notes: "Replaced the power board" });
    expect(resolved).toMatchObject({ status: "resolved", resolvedAt: f.clock.now().toISOString() });
    expect(await f.db.survey.findUniqueOrThrow({ where: { ticketId: created.id } })).toMatchObject({ customerId: bob.customer.id, expertId: EXPERT, submittedAt: null });
    expect(await eventsOf(created.id, "survey.created")).toHaveLength(1);
    const closed = await f.as(bob.caller).tickets.confirm({ ticketId: created.id, expectedVersion: 4 });
    expect(closed).toMatchObject({ status: "closed", version: 5 });

    const history = await f.as(bob.caller).tickets.history({ ticketId: created.id });
    expect(history.map((h) => [h.from, h.to, h.actorRole, h.channel])).toEqual([
      [null, "new", "customer", "web"],
      ["new", "assigned", "system", "system"],
      ["assigned", "accepted", "expert", "web"],
      ["accepted", "in_progress", "expert", "web"],
      ["in_progress", "resolved", "expert", "web"],
      ["resolved", "closed", "customer", "web"],
    ]);
    expect(history[4]).toMatchObject({ reason: "Replaced the power board", expertId: EXPERT });
    const changes = await eventsOf(created.id, "ticket.status_changed");
    expect(changes.map((c) => c.to)).toEqual(["assigned", "accepted", "in_progress", "resolved", "closed"]);
    expect(changes[0]).toMatchObject({ actorId: "matching", actorRole: "system", channel: "system", expertId: EXPERT });
    expect(await f.db.assignment.findMany({ where: { ticketId: created.id }, select: { status: true } })).toEqual([{ status: "completed" }]);
  });
});

describe("refusals change nothing", () => {
  it("wrong expert, wrong role, stale version, wrong status, missing notes", async () => {
    const { id } = await f.fileTicket(bob);
    await assign(id);
    expect((await refused(id, () => f.as(expertCaller(OTHER_EXPERT)).tickets.accept({ ticketId: id, expectedVersion: 1 }))).code).toBe("FORBIDDEN");
    expect((await refused(id, () => f.as(bob.caller).tickets.accept({ ticketId: id, expectedVersion: 1 }))).code).toBe("FORBIDDEN");
    const stale = await refused(id, () => f.as(expertCaller(EXPERT)).tickets.accept({ ticketId: id, expectedVersion: 0 }));
    expect([stale.code, stale.message]).toEqual(["CONFLICT", "This ticket changed since you loaded it; reload and try again"]);
    expect((await refused(id, () => f.as(expertCaller(EXPERT)).tickets.start({ ticketId: id, expectedVersion: 1 }))).code).toBe("CONFLICT");
    await f.as(expertCaller(EXPERT)).tickets.accept({ ticketId: id, expectedVersion: 1 });
    await f.as(expertCaller(EXPERT)).tickets.start({ ticketId: id, expectedVersion: 2 });
    expect((await refused(id, () => f.as(expertCaller(EXPERT)).tickets.resolve({ ticketId: id, expectedVersion: 3, notes: " " }))).code).toBe("BAD_REQUEST");
    expect((await refused(id, () => f.as(bob.caller).tickets.cancel({ ticketId: id, expectedVersion: 3 }))).code).toBe("CONFLICT");
    expect((await refused(id, () => f.as(agentCaller).tickets.cancel({ ticketId: id, expectedVersion: 3 }))).code).toBe("BAD_REQUEST");
  });

  it("another customer's ticket looks missing; an unknown id is NOT_FOUND", async () => {
    const { id } = await f.fileTicket(bob);
    expect((await refused(id, () => f.as(customerCaller(2)).tickets.cancel({ ticketId: id, expectedVersion: 0 }))).code).toBe("NOT_FOUND");
    await expect(f.as(bob.caller).tickets.cancel({ ticketId: "00000000-0000-4000-8000-000000000000", expectedVersion: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a concurrent change wins once: the second transition with the same version is a CONFLICT", async () => {
    const { id } = await f.fileTicket(bob);
    const results = await Promise.allSettled([
      f.as(bob.caller).tickets.cancel({ ticketId: id, expectedVersion: 0 }),
      f.as(agentCaller).tickets.escalate({ ticketId: id, expectedVersion: 0, reason: "VIP" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await f.db.ticketTransition.count({ where: { ticketId: id } })).toBe(2);
  });
});

describe("rejection, cancel, escalation, reopen", () => {
  it("a rejection needs a reason, ends the assignment and requeues the ticket to new", async () => {
    const { id } = await f.fileTicket(bob);
    await assign(id);
    const expert = f.as(expertCaller(EXPERT)).tickets;
    const error = await refused(id, () => expert.reject({ ticketId: id, expectedVersion: 1 }));
    expect(error.code).toBe("BAD_REQUEST");
    f.clock.advance(60_000);
    const back = await expert.reject({ ticketId: id, expectedVersion: 1, reason: "Not my area" });
    expect(back).toMatchObject({ status: "new", version: 2, expertId: null, acceptDueAt: null });
    expect(back.assignDueAt).toBe(new Date(f.clock.now().getTime() + 240 * 60_000).toISOString());
    expect(await f.db.assignment.findMany({ where: { ticketId: id }, select: { status: true, endReason: true } })).toEqual([{ status: "rejected", endReason: "Not my area" }]);
    const history = await f.as(agentCaller).tickets.history({ ticketId: id });
    expect(history.slice(-2).map((h) => [h.from, h.to, h.actorId, h.reason])).toEqual([
      ["assigned", "rejected", EXPERT, "Not my area"],
      ["rejected", "new", "matching", "back to matching"],
    ]);
  });

  it("a customer cancels before work starts; an agent escalates with a reason; a customer may not escalate", async () => {
    const first = await f.fileTicket(bob);
    await assign(first.id);
    expect(await f.as(bob.caller).tickets.cancel({ ticketId: first.id, expectedVersion: 1 })).toMatchObject({ status: "cancelled" });
    expect((await f.db.assignment.findFirstOrThrow({ where: { ticketId: first.id } })).status).toBe("cancelled");

    const second = await f.fileTicket(bob);
    expect((await refused(second.id, () => f.as(bob.caller).tickets.escalate({ ticketId: second.id, expectedVersion: 0, reason: "now" }))).code).toBe("FORBIDDEN");
    expect(await f.as(agentCaller).tickets.escalate({ ticketId: second.id, expectedVersion: 0, reason: "Customer is a hospital" })).toMatchObject({ status: "escalated" });
    expect(await f.as(agentCaller).tickets.cancel({ ticketId: second.id, expectedVersion: 1, reason: "Duplicate" })).toMatchObject({ status: "cancelled" });
  });

  it("reopen within 7 days goes back to matching; after 7 days it is refused", async () => {
    const resolvedTicket = async () => {
      const { id } = await f.fileTicket(bob);
      await assign(id);
      const expert = f.as(expertCaller(EXPERT)).tickets;
      await expert.accept({ ticketId: id, expectedVersion: 1 });
      await expert.start({ ticketId: id, expectedVersion: 2 });
      await expert.resolve({ ticketId: id, expectedVersion: 3, notes: "Fixed" });
      return id;
    };
    const early = await resolvedTicket();
    f.clock.advance(REOPEN_WINDOW_MS);
    expect(await f.as(bob.caller).tickets.reopen({ ticketId: early, expectedVersion: 4 })).toMatchObject({ status: "new", resolvedAt: null, expertId: null });

    const late = await resolvedTicket();
    f.clock.advance(REOPEN_WINDOW_MS);
    expect(await autoCloseResolved(f.db, f.clock, logger)).toBe(0);
    f.clock.advance(1);
    const error = await refused(late, () => f.as(bob.caller).tickets.reopen({ ticketId: late, expectedVersion: 4 }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await autoCloseResolved(f.db, f.clock, logger)).toBeGreaterThanOrEqual(1);
    expect(await f.db.ticket.findUniqueOrThrow({ where: { id: late } })).toMatchObject({ status: "closed", version: 5 });
    const last = await f.db.ticketTransition.findFirstOrThrow({ where: { ticketId: late }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({ fromStatus: "resolved", toStatus: "closed", actorId: "auto-close", actorRole: "system", channel: "system" });
  });
});

describe("reads", () => {
  it("get shows the expert's first name and arrival window; explanations are for staff only", async () => {
    const { id } = await f.fileTicket(bob);
    await assign(id);
    const ticket = await f.as(bob.caller).tickets.get({ ticketId: id });
    expect(ticket).toMatchObject({ expertFirstName: "Ada", version: 1, arrivalWindowStart: f.clock.now().toISOString(), allowedActions: ["cancel"] });
    expect(await f.as(expertCaller(EXPERT)).tickets.get({ ticketId: id })).toMatchObject({ id, allowedActions: ["accept", "reject"] });
    expect(await f.as(agentCaller).tickets.get({ ticketId: id })).toMatchObject({ allowedActions: ["cancel", "escalate"] });
    await expect(f.as(expertCaller(OTHER_EXPERT)).tickets.get({ ticketId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await f.as(expertCaller(EXPERT)).tickets.listForExpert()).map((t) => t.id)).toContain(id);
    expect(await f.as(expertCaller(OTHER_EXPERT)).tickets.listForExpert()).toEqual([]);
    const explanations = await f.as(agentCaller).tickets.assignmentExplanation({ ticketId: id });
    expect(explanations).toMatchObject([{ expertId: EXPERT, status: "active", explanation: { candidates: 1 } }]);
    expect(Object.keys(explanations[0]!.expertNames)).toContain(EXPERT);
    await expect(f.as(alice.caller).tickets.assignmentExplanation({ ticketId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("listForExpert: the expert's open tickets with their arrival windows, earliest window first", async () => {
    const expertId = "e1000000-0000-4000-8000-000000000003";
    const later = await f.fileTicket(bob);
    const sooner = await f.fileTicket(bob);
    const done = await f.fileTicket(bob);
    await assign(later.id, expertId, 3 * 3_600_000);
    await assign(sooner.id, expertId, 3_600_000);
    await assign(done.id, expertId);
    await f.as(expertCaller(expertId)).tickets.reject({ ticketId: done.id, expectedVersion: 1, reason: "Not my area" });
    const list = await f.as(expertCaller(expertId)).tickets.listForExpert();
    expect(list.map((t) => [t.id, t.arrivalWindowStart])).toEqual([
      [sooner.id, new Date(f.clock.now().getTime() + 3_600_000).toISOString()],
      [later.id, new Date(f.clock.now().getTime() + 3 * 3_600_000).toISOString()],
    ]);
  });

  it("allowedActions follows the ticket: after accept the expert may start, after start resolve", async () => {
    const { id } = await f.fileTicket(bob);
    await assign(id);
    const expert = f.as(expertCaller(EXPERT)).tickets;
    await expert.accept({ ticketId: id, expectedVersion: 1 });
    expect((await expert.get({ ticketId: id })).allowedActions).toEqual(["start"]);
    expect((await f.as(bob.caller).tickets.get({ ticketId: id })).allowedActions).toEqual(["cancel"]);
    await expert.start({ ticketId: id, expectedVersion: 2 });
    expect((await expert.get({ ticketId: id })).allowedActions).toEqual(["resolve"]);
    expect((await f.as(bob.caller).tickets.get({ ticketId: id })).allowedActions).toEqual([]);
  });
});
