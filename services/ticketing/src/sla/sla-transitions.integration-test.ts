/** The SLA hooks as the real transitions call them: a transition moves the timers to the next phase or cancels them. */
import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { createLogger } from "@sysops/logger";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/lifecycle.ts";
import { transitionTicket } from "../tickets/transition-ticket.ts";
import { scheduleFor, startSlaWorker, type SlaWorker } from "./index.ts";
import { insertTicket, minutes, plus, shiftedClock } from "./sla-test-fixture.ts";

const T0 = new Date("2026-03-02T10:00:00.000Z");
const clock = shiftedClock(T0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let testDb: TestDatabase;
let db: Db;
let worker: SlaWorker;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await migrate(testDb.url);
  db = createDb(testDb.url);
  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  worker = startSlaWorker({ db, redisUrl, logger: createLogger("sla-test", "silent"), clock, prefix: `sla-test-${randomUUID()}`, sweepEveryMs: 0 });
  await worker.ready;
});
afterAll(async () => {
  await worker?.runtime.queue.obliterate({ force: true }).catch(() => undefined);
  await worker?.stop();
  await db?.$disconnect();
  await testDb?.drop();
});

it("assigning replaces the assign timers with accept timers; cancelling removes them; nothing fires late", async () => {
  const ticket = await insertTicket(db, { status: "new", createdAt: T0, assignDueAt: plus(T0, minutes(30)) });
  clock.jumpTo(plus(T0, minutes(24) - 700));
  await scheduleFor(ticket);
  const expertId = randomUUID();
  const now = clock.now();
  await transitionTicket(
    { db, clock },
    {
      ticketId: ticket.id,
      action: "assign",
      expectedVersion: 0,
      actor: { kind: "system", id: "matching" },
      channel: "system",
      assignment: { expertId, expertFirstName: "Ada", distanceKm: 1, cost: 1, arrivalWindowStart: now, arrivalWindowEnd: plus(now, minutes(120)), explanation: {} },
    },
  );
  const jobs = async () => (await worker.runtime.queue.getJobs(["delayed", "waiting", "active"])).map((j) => j.id).sort();
  expect(await jobs()).toEqual([`sla.${ticket.id}.accept.breach`, `sla.${ticket.id}.accept.warning`]);
  await sleep(1500);
  expect(await db.slaFiring.count({ where: { ticketId: ticket.id } })).toBe(0);

  await transitionTicket(
    { db, clock },
    { ticketId: ticket.id, action: "cancel", expectedVersion: 1, actor: { kind: "user", userId: randomUUID(), role: "agent" }, channel: "phone", reason: "customer fixed it" },
  );
  expect(await jobs()).toEqual([]);
  expect(await db.outboxEvent.count({ where: { aggregateId: ticket.id, type: { startsWith: "ticket.sla_" } } })).toBe(0);
});
