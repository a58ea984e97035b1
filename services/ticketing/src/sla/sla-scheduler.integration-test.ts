/**
 * The API process runs only the SLA scheduler (no BullMQ worker): a transition made there must still queue
 * its timers at once, for svc-ticketing-worker to fire; once stopped, the scheduler queues nothing more.
 */
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { createLogger } from "@sysops/logger";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/lifecycle.ts";
import { transitionTicket } from "../tickets/transition-ticket.ts";
import { scheduleFor, startSlaScheduler, SLA_QUEUE, type SlaScheduler } from "./index.ts";
import { insertTicket, minutes, plus, shiftedClock } from "./sla-test-fixture.ts";

const T0 = new Date("2026-03-02T10:00:00.000Z");
const clock = shiftedClock(T0);
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `sla-scheduler-test-${randomUUID()}`;
let testDb: TestDatabase;
let db: Db;
let scheduler: SlaScheduler;
let connection: Redis;
let queue: Queue;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await migrate(testDb.url);
  db = createDb(testDb.url);
  scheduler = startSlaScheduler({ db, redisUrl, logger: createLogger("sla-test", "silent"), clock, prefix });
  // What the worker process would see: the same queue through its own connection.
  connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  queue = new Queue(SLA_QUEUE, { connection, prefix });
});
afterAll(async () => {
  await scheduler?.stop();
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  connection?.disconnect();
  await db?.$disconnect();
  await testDb?.drop();
});

const jobIds = async () => (await queue.getJobs(["delayed", "waiting", "active"])).map((j) => j.id).sort();

it("a transition in a process with only the scheduler queues the next phase's timers for the worker", async () => {
  const ticket = await insertTicket(db, { status: "new", createdAt: T0, assignDueAt: plus(T0, minutes(30)) });
  await scheduleFor(ticket);
  expect(await jobIds()).toEqual([`sla.${ticket.id}.assign.breach`, `sla.${ticket.id}.assign.warning`]);

  const now = clock.now();
  await transitionTicket(
    { db, clock },
    {
      ticketId: ticket.id,
      action: "assign",
      expectedVersion: 0,
      actor: { kind: "system", id: "matching" },
      channel: "system",
      assignment: { expertId: randomUUID(), expertFirstName: "Ada", distanceKm: 1, cost: 1, arrivalWindowStart: now, arrivalWindowEnd: plus(now, minutes(120)), explanation: {} },
    },
  );
  expect(await jobIds()).toEqual([`sla.${ticket.id}.accept.breach`, `sla.${ticket.id}.accept.warning`]);
});

it("after stop, transitions queue nothing (the sweep in the worker catches up from the due times)", async () => {
  await scheduler.stop();
  const ticket = await insertTicket(db, { status: "new", createdAt: T0, assignDueAt: plus(T0, minutes(30)) });
  await scheduleFor(ticket);
  expect((await jobIds()).filter((id) => id?.includes(ticket.id))).toEqual([]);
});
