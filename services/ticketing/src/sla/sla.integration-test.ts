import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { createLogger } from "@sysops/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/lifecycle.ts";
import { cancelFor, fireSlaTimer, getSlaStatus, reconcileSla, scheduleFor, startSlaWorker, type SlaWorker } from "./index.ts";
import { startTimersOfAssigned } from "./sla-timers.ts";
import { insertTicket, minutes, plus, shiftedClock } from "./sla-test-fixture.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const T0 = new Date("2026-03-02T10:00:00.000Z");
const clock = shiftedClock(T0);
let testDb: TestDatabase;
let db: Db;
let worker: SlaWorker;

const firings = (ticketId: string) => db.slaFiring.findMany({ where: { ticketId }, orderBy: { firedAt: "asc" } });
const slaEvents = (ticketId: string) => db.outboxEvent.findMany({ where: { aggregateId: ticketId, type: { startsWith: "ticket.sla_" } }, orderBy: { id: "asc" } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, timeoutMs = 8000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(50);
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await migrate(testDb.url);
  db = createDb(testDb.url);
  worker = startSlaWorker({ db, redisUrl: REDIS_URL, logger: createLogger("sla-test", "silent"), clock, prefix: `sla-test-${randomUUID()}`, sweepEveryMs: 0 });
  await worker.ready;
});
afterAll(async () => {
  await worker?.runtime.queue.obliterate({ force: true }).catch(() => undefined);
  await worker?.stop();
  await db?.$disconnect();
  await testDb?.drop();
});

describe("SLA timers", () => {
  it("fire the warning at 80 % and the breach at 100 % of the target, once each", async () => {
    const ticket = await insertTicket(db, { status: "new", createdAt: T0, assignDueAt: plus(T0, minutes(30)) });
    const warnAt = plus(T0, minutes(24));
    clock.jumpTo(plus(warnAt, -600));
    await scheduleFor(ticket);
    await sleep(300);
    expect(await firings(ticket.id)).toEqual([]);
    await until(async () => (await firings(ticket.id)).length === 1);
    const [warning] = await firings(ticket.id);
    expect(warning).toMatchObject({ target: "assign", kind: "warning" });
    expect(warning!.firedAt.getTime() - warnAt.getTime()).toBeGreaterThanOrEqual(0);
    expect(warning!.firedAt.getTime() - warnAt.getTime()).toBeLessThan(2000);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).slaBreached).toBe(false);

    // Time passes to just before the due time; rescheduling also re-adds the spent warning, which must not fire again.
    clock.jumpTo(plus(T0, minutes(30) - 600));
    await scheduleFor(ticket);
    await until(async () => (await firings(ticket.id)).length === 2);
    await sleep(500);
    const all = await firings(ticket.id);
    expect(all.map((f) => f.kind)).toEqual(["warning", "breach"]);
    expect(all[1]!.firedAt.getTime()).toBeGreaterThanOrEqual(plus(T0, minutes(30)).getTime());
    expect((await slaEvents(ticket.id)).map((e) => e.type)).toEqual(["ticket.sla_warning", "ticket.sla_breached"]);
    expect((await slaEvents(ticket.id))[1]!.payload).toEqual({ ticketId: ticket.id, number: ticket.number, customerId: ticket.customerId, target: "assign", dueAt: plus(T0, minutes(30)).toISOString() });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).slaBreached).toBe(true);
    // A job that runs twice records nothing twice.
    await expect(fireSlaTimer(db, clock, { ticketId: ticket.id, target: "assign", kind: "breach", dueAt: plus(T0, minutes(30)) })).resolves.toBe("already-fired");
    expect(await slaEvents(ticket.id)).toHaveLength(2);
  });

  it("do not fire after a transition cancelled them", async () => {
    const ticket = await insertTicket(db, { status: "new", createdAt: T0, assignDueAt: plus(T0, minutes(30)) });
    clock.jumpTo(plus(T0, minutes(24) - 800));
    await scheduleFor(ticket);
    // The ticket is assigned before the warning is due: the assign timers go, the accept timers start.
    const assigned = await db.ticket.update({ where: { id: ticket.id }, data: { status: "assigned", expertId: randomUUID(), acceptDueAt: plus(clock.now(), minutes(15)) } });
    await scheduleFor(assigned);
    const cancelled = await insertTicket(db, { status: "new", createdAt: T0, assignDueAt: plus(T0, minutes(30)) });
    await scheduleFor(cancelled);
    await db.ticket.update({ where: { id: cancelled.id }, data: { status: "cancelled" } });
    await cancelFor(cancelled.id);
    await sleep(1500);
    expect(await firings(ticket.id)).toEqual([]);
    expect(await firings(cancelled.id)).toEqual([]);
    expect(await worker.runtime.queue.getJob(`sla.${ticket.id}.accept.warning`)).toBeDefined();
    // A job that escaped removal finds its phase over.
    await expect(fireSlaTimer(db, clock, { ticketId: ticket.id, target: "assign", kind: "breach", dueAt: plus(T0, minutes(30)) })).resolves.toBe("stale");
    expect(await slaEvents(ticket.id)).toEqual([]);
  });

  it("a matching run starts the accept timers of what it assigned; assign timers left over fire into a phase that is over and do nothing", async () => {
    const ticket = await insertTicket(db, { status: "new", createdAt: T0, assignDueAt: plus(T0, minutes(30)) });
    clock.jumpTo(plus(T0, minutes(24) - 800));
    await scheduleFor(ticket); // the assign timers, as the sweep creates them for a ticket that waits
    const acceptDueAt = plus(clock.now(), minutes(15));
    const assigned = await db.ticket.update({ where: { id: ticket.id }, data: { status: "assigned", expertId: randomUUID(), acceptDueAt } });
    const other = await insertTicket(db, { status: "assigned", createdAt: T0, acceptDueAt, expertId: randomUUID() });
    await startTimersOfAssigned([assigned, other]);
    for (const id of [ticket.id, other.id]) {
      for (const kind of ["warning", "breach"]) expect(await worker.runtime.queue.getJob(`sla.${id}.accept.${kind}`)).toBeDefined();
    }
    await until(async () => (await worker.runtime.queue.getJob(`sla.${ticket.id}.assign.warning`)) === undefined); // it fired
    expect(await firings(ticket.id)).toEqual([]);
    expect(await slaEvents(ticket.id)).toEqual([]);
  });

  it("survive losing Redis: the sweep fires what is overdue and recreates what fires soon (later sweeps the rest)", async () => {
    const overdue = await insertTicket(db, { status: "accepted", createdAt: T0, resolveDueAt: plus(T0, minutes(60)) });
    // Accept target 15 min: warning at due − 3 min. One fires within the sweep's 5-minute horizon, one after it.
    const ahead = await insertTicket(db, { status: "assigned", createdAt: T0, acceptDueAt: plus(T0, minutes(124)) });
    const later = await insertTicket(db, { status: "assigned", createdAt: T0, acceptDueAt: plus(T0, minutes(200)) });
    clock.jumpTo(plus(T0, minutes(50)));
    await scheduleFor(overdue);
    await scheduleFor(ahead);
    await scheduleFor(later);
    await worker.runtime.queue.obliterate({ force: true });
    clock.jumpTo(plus(T0, minutes(120)));
    const result = await reconcileSla(clock);
    expect(result.fired).toBeGreaterThanOrEqual(2);
    expect((await firings(overdue.id)).map((f) => [f.target, f.kind])).toEqual([
      ["resolve", "warning"],
      ["resolve", "breach"],
    ]);
    // The sweep ran at T0+120: the ahead ticket's timers fire at T0+121 and T0+124, the later one's at T0+197.
    expect(await worker.runtime.queue.getJob(`sla.${ahead.id}.accept.warning`)).toBeDefined();
    expect(await worker.runtime.queue.getJob(`sla.${ahead.id}.accept.breach`)).toBeDefined();
    expect(await worker.runtime.queue.getJob(`sla.${later.id}.accept.warning`)).toBeUndefined();
    clock.jumpTo(plus(T0, minutes(194)));
    await reconcileSla(clock); // a later sweep: the later ticket's warning (T0+197) is now within the horizon
    expect(await worker.runtime.queue.getJob(`sla.${later.id}.accept.warning`)).toBeDefined();
    expect((await reconcileSla(clock)).fired).toBe(0);
    expect(await slaEvents(overdue.id)).toHaveLength(2);
  });

  it("run again when a phase restarts (rejected → back to matching), once per run", async () => {
    const ticket = await insertTicket(db, { status: "new", createdAt: T0, assignDueAt: plus(T0, minutes(30)) });
    clock.jumpTo(plus(T0, minutes(25)));
    await reconcileSla(clock);
    // Assigned, then rejected at T0+40: back in `new` with a fresh 30-minute assign target.
    await db.ticket.update({ where: { id: ticket.id }, data: { assignDueAt: plus(T0, minutes(70)) } });
    clock.jumpTo(plus(T0, minutes(65)));
    await reconcileSla(clock);
    await reconcileSla(clock);
    const warnings = await db.outboxEvent.findMany({ where: { aggregateId: ticket.id, type: "ticket.sla_warning" }, orderBy: { id: "asc" } });
    expect(warnings.map((w) => (w.payload as { dueAt: string }).dueAt)).toEqual([plus(T0, minutes(30)).toISOString(), plus(T0, minutes(70)).toISOString()]);
    expect(await slaEvents(ticket.id)).toHaveLength(2);
    expect(await getSlaStatus(db, ticket.id)).toMatchObject({
      running: { target: "assign", warnAt: plus(T0, minutes(64)), dueAt: plus(T0, minutes(70)) },
      breached: false,
      firings: [{ target: "assign", kind: "warning" }],
    });
  });
});
