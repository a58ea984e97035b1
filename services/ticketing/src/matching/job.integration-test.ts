import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { withoutSchemaParam } from "@sysops/db/connection";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alice, bob, expertCaller, logger, startTicketingFixture, type TicketingFixture } from "../test-fixture.ts";
import { startWorkers, type Workers } from "../workers.ts";
import { MATCHING_LOCK_KEY, startMatchingJob } from "./job.ts";
import { NO_ELIGIBLE_EXPERT, runMatching } from "./matching-run.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const stream = `test:ticketing:${randomUUID()}`;
const slaPrefix = `test-sla-${randomUUID()}`;
const NEAR = "e2000000-0000-4000-8000-000000000001";
const FAR = "e2000000-0000-4000-8000-000000000002";
const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: "00:00", end: "23:59" }));

let f: TicketingFixture;
let redis: Redis;
let workers: Workers;

/** What identity's relay publishes: an `expert.profile_changed` v1 envelope on the stream. */
async function publishExpert(expertId: string, name: string, lat: number, capacity: number) {
  const payload = { expertId, name, phone: "+1-312-555-0100", skills: [{ category: "tv", level: 4 }], homeLat: lat, homeLon: bob.customer.addressLon, radiusKm: 30, onDuty: true, capacity, timeZone: "UTC", workingHours: ALL_WEEK };
  const envelope = { id: randomUUID(), type: "expert.profile_changed", version: 1, occurredAt: new Date().toISOString(), aggregateType: "expert", aggregateId: expertId, payload };
  await redis.xadd(stream, "*", "type", envelope.type, "event", JSON.stringify(envelope));
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ticketRow = (id: string) => f.db.ticket.findUniqueOrThrow({ where: { id } });

/** A run that got the lock (the background job may hold it for a moment). */
async function runNow() {
  for (;;) {
    const result = await workers.matching.runOnce();
    if (result) return result;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  f = await startTicketingFixture();
  redis = new Redis(REDIS_URL);
  workers = startWorkers({ db: f.db, databaseUrl: f.testDb.url, redisUrl: REDIS_URL, clock: f.clock, logger, stream, sweepMs: 0, consumerName: "test", slaPrefix });
  await publishExpert(NEAR, "Nina Near", bob.customer.addressLat + 0.01, 10);
  await publishExpert(FAR, "Fred Far", bob.customer.addressLat + 0.1, 10);
  expect(await eventually(() => f.db.expertProjection.count(), (n) => n === 2)).toBe(2);
});
afterAll(async () => {
  await workers?.stop();
  const slaKeys = await redis.keys(`${slaPrefix}:*`);
  await redis?.del(stream, ...slaKeys);
  redis?.disconnect();
  await f?.close();
});

describe("matching job with the real relay and consumer", () => {
  it("assigns a new ticket to the nearest eligible expert; after a rejection, to another", async () => {
    const { id } = await f.fileTicket(bob);
    const assigned = await eventually(() => ticketRow(id), (t) => t.status === "assigned");
    expect(assigned).toMatchObject({ status: "assigned", expertId: NEAR });
    const [assignment] = await f.db.assignment.findMany({ where: { ticketId: id } });
    expect(assignment).toMatchObject({ expertId: NEAR, status: "active" });
    expect(assignment?.explanation).toMatchObject({ chosen: { expertId: NEAR } });
    expect((await f.db.outboxEvent.findFirstOrThrow({ where: { aggregateId: id, type: "ticket.assigned" } })).payload).toMatchObject({
      expertFirstName: "Nina",
      expertId: NEAR,
      explanationId: assignment!.id,
    });
    // The step is recorded as the state machine's assign: one transition, one status event, version + 1, accept target running.
    const row = await f.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(1);
    expect(row.acceptDueAt!.getTime() - assignment!.createdAt.getTime()).toBe(row.acceptTargetMinutes * 60_000);
    const steps = await f.db.ticketTransition.findMany({ where: { ticketId: id }, orderBy: { seq: "asc" } });
    expect(steps.at(-1)).toMatchObject({ fromStatus: "new", toStatus: "assigned", actorId: "matching", actorRole: "system", channel: "system", expertId: NEAR, at: assignment!.createdAt });
    const statusEvents = await f.db.outboxEvent.findMany({ where: { aggregateId: id, type: "ticket.status_changed" } });
    expect(statusEvents.map((e) => e.payload)).toEqual([expect.objectContaining({ from: "new", to: "assigned", expertId: NEAR, actorRole: "system", channel: "system" })]);

    await f.as(expertCaller(NEAR)).tickets.reject({ ticketId: id, expectedVersion: assigned.version, reason: "Car broke down" });
    const reassigned = await eventually(() => ticketRow(id), (t) => t.status === "assigned" && t.expertId === FAR);
    expect(reassigned).toMatchObject({ status: "assigned", expertId: FAR });
    expect(await f.db.assignment.count({ where: { ticketId: id, status: "active" } })).toBe(1);
  });

  it("while every expert is full, a run considers only tickets past their assign target, and escalates them", async () => {
    const capacities = await f.db.expertProjection.findMany({ select: { expertId: true, capacity: true } });
    await f.db.expertProjection.updateMany({ data: { capacity: 0 } });
    try {
      const { id, assignDueAt } = await f.fileTicket(bob);
      await eventually(() => f.db.outboxEvent.count({ where: { aggregateId: id, publishedAt: null } }), (n) => n === 0);
      const early = await runNow();
      expect(early).toMatchObject({ pending: 0, assigned: 0, escalated: 0 });
      expect((await ticketRow(id)).status).toBe("new");

      f.clock.set(new Date(Date.parse(assignDueAt!) + 1));
      const late = await runNow();
      expect(late.pending).toBeGreaterThanOrEqual(1);
      expect(late.assigned).toBe(0);
      expect((await ticketRow(id)).status).toBe("escalated");
    } finally {
      for (const { expertId, capacity } of capacities) await f.db.expertProjection.update({ where: { expertId }, data: { capacity } });
    }
  });

  it("a ticket with no eligible expert stays new, then escalates once its assign target passes", async () => {
    const { id, assignDueAt } = await f.fileTicket(alice);
    await eventually(() => f.db.outboxEvent.count({ where: { aggregateId: id, publishedAt: null } }), (n) => n === 0);
    await runNow();
    expect((await ticketRow(id)).status).toBe("new");

    f.clock.set(new Date(Date.parse(assignDueAt!) + 1));
    const result = await runNow();
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    const history = await f.db.ticketTransition.findMany({ where: { ticketId: id }, orderBy: { seq: "asc" } });
    expect(history.at(-1)).toMatchObject({ fromStatus: "new", toStatus: "escalated", actorId: "matching", actorRole: "system", channel: "system", reason: NO_ELIGIBLE_EXPERT });
  });
});

describe("one run at a time", () => {
  beforeAll(async () => {
    await workers.stop();
  });

  it("a run is skipped while another process holds the advisory lock", async () => {
    const job = startMatchingJob({ db: f.db, databaseUrl: f.testDb.url, clock: f.clock, logger, sweepMs: 0 });
    const other = new pg.Client({ connectionString: withoutSchemaParam(f.testDb.url) });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [MATCHING_LOCK_KEY]);
      expect(await job.runOnce()).toBeNull();
      await other.query("SELECT pg_advisory_unlock($1)", [MATCHING_LOCK_KEY]);
      expect(await job.runOnce()).not.toBeNull();
    } finally {
      await other.end();
      await job.stop();
    }
  });

  it("concurrent runs never double-assign (lock across jobs, version guard without it)", async () => {
    f.clock.set(new Date("2026-11-26T15:00:00.000Z"));
    const tickets = await Promise.all(Array.from({ length: 6 }, () => f.fileTicket(bob)));
    const ids = tickets.map((t) => t.id);
    const a = startMatchingJob({ db: f.db, databaseUrl: f.testDb.url, clock: f.clock, logger, sweepMs: 0 });
    const b = startMatchingJob({ db: f.db, databaseUrl: f.testDb.url, clock: f.clock, logger, sweepMs: 0 });
    try {
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      expect((ra?.assigned ?? 0) + (rb?.assigned ?? 0)).toBe(6);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    for (const id of ids) expect(await f.db.assignment.count({ where: { ticketId: id } })).toBe(1);

    // Without the lock (two runs racing on the same snapshot) the per-ticket version guard keeps it single.
    const more = await Promise.all(Array.from({ length: 6 }, () => f.fileTicket(bob)));
    const [r1, r2] = await Promise.all([runMatching(f.db, f.clock, logger), runMatching(f.db, f.clock, logger)]);
    expect(r1.assigned + r2.assigned).toBe(6);
    for (const { id } of more) {
      expect(await f.db.assignment.count({ where: { ticketId: id } })).toBe(1);
      expect((await ticketRow(id)).status).toBe("assigned");
    }
  });
});

// After "one run at a time": the background workers are stopped, so only this test's job runs.
describe("runs after nothing but new tickets", () => {
  it("plan only the tickets filed since the last run, not those earlier runs could not assign, until something could give an expert room", async () => {
    // Bob's TV tickets moved 3° north (~330 km): a category the experts serve, out of both experts' 30 km range.
    const stuck = await Promise.all([f.fileTicket(bob), f.fileTicket(bob)]);
    await f.db.ticket.updateMany({ where: { id: { in: stuck.map((t) => t.id) } }, data: { serviceLat: bob.customer.addressLat + 3 } });
    const seen: number[] = [];
    const job = startMatchingJob({
      db: f.db, databaseUrl: f.testDb.url, clock: f.clock, logger, sweepMs: 0, minIntervalMs: 0,
      run: async (...args) => {
        const result = await runMatching(...args);
        seen.push(result.pending);
        return result;
      },
    });
    const runs = async (count: number) => eventually(() => Promise.resolve(seen.length), (n) => n >= count, 5_000);
    try {
      const before = (await job.runOnce())!;
      expect(before.pending).toBeGreaterThanOrEqual(2);
      for (const { id } of stuck) expect((await ticketRow(id)).status).toBe("new");

      const fresh = await f.fileTicket(bob); // servable: assigned by a run that plans only it
      job.trigger("new-ticket", fresh.id);
      await runs(2);
      expect(seen[1]).toBe(1);
      expect((await ticketRow(fresh.id)).status).toBe("assigned");

      job.trigger("any"); // e.g. a resolution: everything pending is planned again
      await runs(3);
      expect(seen[2]).toBe(before.pending);
      for (const { id } of stuck) expect((await ticketRow(id)).status).toBe("new");
    } finally {
      await job.stop();
    }
  });
});
