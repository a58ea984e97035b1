/**
 * Where tries run, on a real PostgreSQL, Redis and the local sinks: a committed message's first try runs at
 * once in this process (no BullMQ worker runs in this file, so whatever is sent here was sent directly); what
 * a direct try leaves (its retries, a burst's overflow) becomes a BullMQ job; the periodic requeue adds jobs
 * only for messages nobody is trying.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createTestDatabase } from "@sysops/db/test-database";
import { systemClock } from "@sysops/events/clock";
import { createLogger } from "@sysops/logger";
import { Teardown } from "@sysops/trpc-server/testing";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlPool } from "@sysops/db/sql";
import { createDb, createSql, type Db } from "../db/client.ts";
import { migrate } from "../db/lifecycle.ts";
import { localSinkProviders, startLocalSinks, type LocalSinks } from "../sinks/local-sinks.ts";
import { waitFor } from "../testing/notification-under-test.ts";
import { createDispatcher } from "./dispatcher.ts";
import { requeueQueued } from "./requeue.ts";
import type { Providers } from "../providers/provider.ts";
import { recordMessages } from "./record-messages.ts";
import { createSendQueue, SEND_QUEUE, type QueuedMessage, type SendJob, type SendQueue } from "./send-queue.ts";
import { CLAIM_LEASE_MS, createSendTries, firstTryLease, type ClaimedMessage, type SendTries } from "./send-try.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const RETRY = { attempts: 4, backoffMs: 60_000 }; // long: a queued retry stays visible as a delayed job
const prefix = `test-dispatcher-${randomBytes(4).toString("hex")}`;
const logger = createLogger("test", "silent");

const teardown = new Teardown();
let db: Db;
let sql: SqlPool;
let sinks: LocalSinks;
let queue: SendQueue;
let jobs: Queue<SendJob>;
let tries: SendTries;
let providers: Providers;

beforeAll(async () => {
  const testDb = teardown.add(await createTestDatabase(), (t) => t.drop());
  await migrate(testDb.url);
  db = teardown.add(createDb(testDb.url), (d) => d.$disconnect());
  sql = teardown.add(createSql(testDb.url), (s) => s.end());
  const connection = teardown.add(new Redis(REDIS_URL, { maxRetriesPerRequest: null }), async (r) => {
    const keys = await r.keys(`${prefix}:*`);
    if (keys.length > 0) await r.del(...keys);
    r.disconnect();
  });
  sinks = teardown.add(await startLocalSinks({ smtp: 0, sms: 0 }), (s) => s.close());
  providers = localSinkProviders(sinks, "Sysops Squad <no-reply@sysops.test>");
  teardown.add(providers, async (p) => {
    for (const provider of Object.values(p)) await provider.close?.();
  });
  queue = teardown.add(createSendQueue({ connection, prefix, retry: RETRY }), (q) => q.close());
  jobs = teardown.add(new Queue<SendJob>(SEND_QUEUE, { connection, prefix }), (q) => q.close());
  tries = createSendTries({ db, sql, providers, logger, clock: systemClock, retry: RETRY });
});

afterAll(() => teardown.run());

const recipientFor = (channel: "email" | "sms") => (channel === "sms" ? `+1-555-${randomBytes(3).toString("hex")}` : `${randomBytes(4).toString("hex")}@example.com`);

/** A queued message row nobody claimed (left by a crash, or a job's). */
async function message(channel: "email" | "sms", data: { nextAttemptAt?: Date; status?: "sent" } = {}): Promise<QueuedMessage> {
  const recipient = recipientFor(channel);
  const row = await db.message.create({
    data: { eventId: randomUUID(), kind: "test", channel, provider: channel === "sms" ? "http-sms" : "smtp", recipient, subject: "s", body: `to ${recipient}`, ...data },
  });
  return { id: row.id, channel };
}

/** A message as the consumer writes it: queued, its first try claimed (record-messages.ts). */
async function written(channel: "email" | "sms"): Promise<ClaimedMessage> {
  const recipient = recipientFor(channel);
  const planned = [{ kind: "test", channel, recipient, subject: "s", body: `to ${recipient}` }];
  const [row] = await sql.transaction((tx) => recordMessages(tx, randomUUID(), planned, providers, firstTryLease(systemClock)));
  return row!;
}

const rowOf = (id: string) => db.message.findUniqueOrThrow({ where: { id } });

describe("dispatcher", () => {
  it("a message is written with its first try claimed, so the requeue leaves it to that try", async () => {
    const sms = await written("sms");
    const row = await rowOf(sms.id);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + CLAIM_LEASE_MS - 60_000);
    expect(sms).toMatchObject({ attempts: 1, channel: "sms", provider: "http-sms", recipient: row.recipient, body: row.body });
    await requeueQueued(db, queue, new Date());
    expect(await jobs.getJob(sms.id)).toBeUndefined();
  });

  it("sends a message's first try at once, in process", async () => {
    const dispatcher = createDispatcher({ tries, queue, logger });
    const sms = await written("sms");
    await dispatcher.dispatch([sms]);
    await dispatcher.close();
    expect(await rowOf(sms.id)).toMatchObject({ status: "sent", attempts: 1, nextAttemptAt: null });
    expect(await jobs.getJob(sms.id)).toBeUndefined();
  });

  it("hands the tries a failed first try leaves to the queue, after the first backoff", async () => {
    const dispatcher = createDispatcher({ tries, queue, logger });
    const sms = await written("sms");
    sinks.sms.failNext(1);
    await dispatcher.dispatch([sms]);
    await dispatcher.close();
    const row = await rowOf(sms.id);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row.lastError).toContain("SMS provider answered 500");
    const job = await jobs.getJob(sms.id);
    expect(await job!.getState()).toBe("delayed");
    // The job makes the 3 tries left; its backoff doubles from the second retry's delay on.
    expect(job!.opts).toMatchObject({ attempts: RETRY.attempts - 1, delay: RETRY.backoffMs, backoff: { type: "exponential", delay: 2 * RETRY.backoffMs } });
  });

  it("queues what goes beyond its tries in flight, SMS first", async () => {
    const dispatcher = createDispatcher({ tries, queue, logger, maxInFlight: 1 });
    const [mail1, mail2, sms] = [await written("email"), await written("email"), await written("sms")];
    await dispatcher.dispatch([mail1, mail2, sms]);
    await dispatcher.close();
    expect(await rowOf(sms.id)).toMatchObject({ status: "sent", attempts: 1 });
    for (const mail of [mail1, mail2]) {
      // Its first try's claim given back: the job makes every try, and the requeue may take it.
      expect(await rowOf(mail.id)).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: null });
      expect(await jobs.getJob(mail.id)).toMatchObject({ opts: { attempts: RETRY.attempts } });
    }
  });

  it("makes no try after close: the message is queued instead", async () => {
    const dispatcher = createDispatcher({ tries, queue, logger });
    await dispatcher.close();
    const sms = await written("sms");
    await dispatcher.dispatch([sms]);
    expect(await rowOf(sms.id)).toMatchObject({ status: "queued", attempts: 0 });
    expect(await jobs.getJob(sms.id)).toBeDefined();
  });

  it("records messages answered together as sent in one statement, and each once", async () => {
    const dispatcher = createDispatcher({ tries, queue, logger });
    const release = sinks.sms.hold(); // the SMS sink answers all of them at once
    const batch = await Promise.all(Array.from({ length: 10 }, () => written("sms")));
    await dispatcher.dispatch(batch);
    await new Promise((r) => setTimeout(r, 300)); // all ten requests reach the sink and wait there
    release();
    await dispatcher.close();
    const rows = await db.message.findMany({ where: { id: { in: batch.map((m) => m.id) } } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(batch.map(() => ["sent", 1]));
    // One UPDATE stamps one sentAt: the first answer is recorded alone, the others wait for it and go together.
    expect(new Set(rows.map((r) => r.sentAt!.getTime())).size).toBeLessThanOrEqual(3);
  });
});

describe("requeue", () => {
  it("adds jobs for queued messages nobody is trying, not for those under a claim lease or waiting for a retry", async () => {
    const now = new Date();
    const orphan = await message("sms");
    const leaseOver = await message("sms", { nextAttemptAt: new Date(now.getTime() - 1_000) });
    const leased = await message("sms", { nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) });
    const sent = await message("sms", { status: "sent" });
    await requeueQueued(db, queue, now);
    expect(await jobs.getJob(orphan.id)).toBeDefined();
    expect(await jobs.getJob(leaseOver.id)).toBeDefined();
    expect(await jobs.getJob(leased.id)).toBeUndefined();
    expect(await jobs.getJob(sent.id)).toBeUndefined();
  });

  it("a running try's claim keeps the requeue away until its lease passed", async () => {
    const sms = await message("sms");
    // A try claimed and in flight: the SMS sink holds its answer until released.
    const release = sinks.sms.hold();
    const running = tries.next(sms.id);
    await waitFor("the try claimed", async () => (await rowOf(sms.id)).attempts === 1);
    const claimed = await rowOf(sms.id);
    expect(claimed.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + CLAIM_LEASE_MS - 60_000);
    await requeueQueued(db, queue, new Date());
    expect(await jobs.getJob(sms.id)).toBeUndefined();
    release();
    expect(await running).toMatchObject({ kind: "sent", attempts: 1 });
  });
});
