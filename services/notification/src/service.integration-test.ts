/**
 * The notification service end to end on real infrastructure: PostgreSQL, Redis (stream + BullMQ), the
 * real customer service over HTTP, real SMTP into the smtp-server sink and HTTP into the SMS sink.
 * Events are XADDed to a test stream exactly as the outbox relay publishes them.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createSeededTestDatabase } from "@sysops/db/test-database";
import { demoCustomers } from "@sysops/demo-data";
import { signCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import * as customerService from "@sysops/svc-customer/lifecycle";
import { startCustomerServer } from "@sysops/svc-customer/server";
import { createServiceClient } from "@sysops/trpc-server/service-client";
import type { RunningServer } from "@sysops/trpc-server/server";
import { freePort, Teardown } from "@sysops/trpc-server/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationRouter } from "./api/router.ts";
import { serviceContactDirectory } from "./contacts/contacts.ts";
import { createDb, type Db } from "./db/client.ts";
import { migrate } from "./db/lifecycle.ts";
import { startLocalSinks, type LocalSinks } from "./sinks/local-sinks.ts";
import { CONSUMER_GROUP } from "./service.ts";
import { startTestNotificationService, waitFor } from "./testing/notification-under-test.ts";

const SECRET = "integration-test-secret-0123456789abcdef";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const logger = createLogger("test", "silent");
const run = randomBytes(4).toString("hex");
const stream = `test:notification:${run}:events`;
const queuePrefix = `test-notification-${run}`;
const RETRY = { attempts: 5, backoffMs: 100 };
const alice = demoCustomers[0]!;

const teardown = new Teardown();
let db: Db;
let redis: Redis;
let sinks: LocalSinks;
let service: RunningServer;
let client: ReturnType<typeof createServiceClient<NotificationRouter>>;

/** XADD an envelope the way the outbox relay does; returns the event id. */
async function publish(type: string, aggregateId: string, payload: object, id: string = randomUUID()): Promise<string> {
  const envelope = { id, type, version: 1, occurredAt: new Date().toISOString(), aggregateType: type.split(".")[0], aggregateId, payload };
  await redis.xadd(stream, "*", "type", type, "event", JSON.stringify(envelope));
  return id;
}

async function newExpert(phone: string): Promise<string> {
  const expertId = randomUUID();
  await publish("expert.profile_changed", expertId, {
    expertId, name: "Sam Rivera", phone, skills: [{ category: "laptop", level: 3 }], homeLat: 41.88, homeLon: -87.63,
    radiusKm: 30, onDuty: true, capacity: 3, timeZone: "America/Chicago", workingHours: [{ weekday: 3, start: "08:00", end: "18:00" }],
  });
  return expertId;
}

let ticketNumber = 100;
function assignedPayload(expertId: string) {
  ticketNumber += 1;
  return {
    ticketId: randomUUID(), number: ticketNumber, customerId: alice.id, expertId, expertFirstName: "Sam",
    arrivalWindowStart: "2026-11-25T15:00:00.000Z", arrivalWindowEnd: "2026-11-25T17:00:00.000Z", costKm: 4.2, explanationId: randomUUID(),
  };
}

const messagesOf = (eventId: string) => db.message.findMany({ where: { eventId }, orderBy: { channel: "asc" } });

beforeAll(async () => {
  const testDb = teardown.add(await createSeededTestDatabase(customerService), (t) => t.drop());
  await migrate(testDb.url);
  db = teardown.add(createDb(testDb.url), (d) => d.$disconnect());
  redis = teardown.add(new Redis(REDIS_URL), async (r) => {
    const keys = [stream, ...(await r.keys(`${queuePrefix}:*`))];
    await r.del(...keys);
    r.disconnect();
  });
  const customerServer = teardown.server(await startCustomerServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: SECRET, logger }));
  sinks = teardown.add(await startLocalSinks({ smtp: 0, sms: 0 }), (s) => s.close());
  service = teardown.server(
    await startTestNotificationService({
      databaseUrl: testDb.url,
      redisUrl: REDIS_URL,
      internalSecret: SECRET,
      logger,
      contacts: serviceContactDirectory({ customer: customerServer.url, identity: "http://127.0.0.1:9" }, SECRET),
      sinks,
      retry: RETRY,
      queuePrefix,
      stream,
    }),
  );
  client = createServiceClient<NotificationRouter>(service.url, () => signCaller({ kind: "service", service: "e2e" }, SECRET));
});

afterAll(() => teardown.run());

describe("notification service", () => {
  it("turns one assigned event into exactly one customer email and one expert SMS, even when delivered again", async () => {
    const phone = "+1-555-0101";
    const expertId = await newExpert(phone);
    const payload = assignedPayload(expertId);
    const eventId = await publish("ticket.assigned", payload.ticketId, payload);
    await publish("ticket.assigned", payload.ticketId, payload, eventId); // the relay republished it

    const [mail] = await waitFor("the email", () => sinks.store.list({ channel: "email", to: alice.email }).length === 1 && sinks.store.list({ channel: "email", to: alice.email }));
    await waitFor("the SMS", () => sinks.store.list({ channel: "sms", to: phone }).length === 1);
    expect(mail).toMatchObject({ subject: `Ticket #${payload.number}: Sam is your expert` });
    expect(mail!.body).toContain("Expected arrival: Wed 25 Nov 2026, 15:00–17:00 UTC.");
    expect(sinks.store.list({ channel: "sms", to: phone })[0]!.body).toContain(`New assignment: ticket #${payload.number}`);

    // Even with the inbox row gone (so the handler runs again), the message key stops a second send.
    const inboxKey = { eventId_consumerGroup: { eventId, consumerGroup: CONSUMER_GROUP } };
    await db.processedEvent.delete({ where: inboxKey });
    await publish("ticket.assigned", payload.ticketId, payload, eventId);
    await waitFor("the event processed again", () => db.processedEvent.findUnique({ where: inboxKey }).then((r) => r ?? undefined));
    await new Promise((r) => setTimeout(r, 500));
    expect(sinks.store.list({ to: alice.email })).toHaveLength(1);
    expect(sinks.store.list({ to: phone })).toHaveLength(1);
    const rows = await messagesOf(eventId);
    expect(rows.map((m) => [m.channel, m.kind, m.provider, m.status, m.attempts])).toEqual([
      ["email", "customer.expert_assigned", "smtp", "sent", 1],
      ["sms", "expert.new_assignment", "http-sms", "sent", 1],
    ]);
  });

  it("retries a failing SMS provider with exponential backoff until it is sent", async () => {
    const phone = "+1-555-0102";
    const expertId = await newExpert(phone);
    const before = sinks.sms.requests;
    sinks.sms.failNext(3);
    const payload = assignedPayload(expertId);
    const eventId = await publish("ticket.assigned", payload.ticketId, payload);

    const sms = await waitFor("the SMS sent", async () => (await messagesOf(eventId)).find((m) => m.channel === "sms" && m.status === "sent"));
    expect(sms.attempts).toBe(4);
    expect(sms.lastError).toBeNull();
    // Three waits: 100 + 200 + 400 ms.
    expect(sms.sentAt!.getTime() - sms.createdAt.getTime()).toBeGreaterThanOrEqual(650);
    expect(sinks.sms.requests - before).toBe(4);
    expect(sinks.store.list({ to: phone })).toHaveLength(1);
  });

  it("gives up after the last attempt and records the failure", async () => {
    const phone = "+1-555-0103";
    const expertId = await newExpert(phone);
    sinks.sms.failNext(1_000);
    const payload = assignedPayload(expertId);
    const eventId = await publish("ticket.assigned", payload.ticketId, payload);

    const sms = await waitFor("the SMS failed", async () => (await messagesOf(eventId)).find((m) => m.channel === "sms" && m.status === "failed"));
    sinks.sms.failNext(0);
    expect(sms).toMatchObject({ attempts: RETRY.attempts, nextAttemptAt: null, sentAt: null });
    expect(sms.lastError).toContain("SMS provider answered 500");
    expect(sinks.store.list({ to: phone })).toHaveLength(0);
  });

  it("reports delivery rates per provider and what the sinks received, to service callers only", async () => {
    const rates = await client.deliveryRates.query();
    expect(rates).toEqual([
      { provider: "http-sms", sent: 2, failed: 1, queued: 0, attempts: 1 + 4 + RETRY.attempts, deliveryRate: 2 / 3, attemptSuccessRate: 2 / 10 },
      { provider: "smtp", sent: 3, failed: 0, queued: 0, attempts: 3, deliveryRate: 1, attemptSuccessRate: 1 },
    ]);
    const received = await client.sinks.list.query({ channel: "sms" });
    expect(received.map((m) => m.to)).toEqual(["+1-555-0101", "+1-555-0102"]);
    const anonymous = createServiceClient<NotificationRouter>(service.url);
    await expect(anonymous.deliveryRates.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
  });

  it("tells the customer and the expert about a cancelled assignment, and sends the survey link", async () => {
    const phone = "+1-555-0104";
    const expertId = await newExpert(phone);
    const ticketId = randomUUID();
    const cancelled = await publish("ticket.status_changed", ticketId, {
      ticketId, number: 777, customerId: alice.id, from: "assigned", to: "cancelled", actorId: randomUUID(), actorRole: "customer",
      channel: "web", reason: "It works again", expertId, at: new Date().toISOString(),
    });
    const survey = await publish("survey.created", ticketId, { surveyId: randomUUID(), ticketId, customerId: alice.id, token: "tok-777", expiresAt: "2026-12-02T10:00:00.000Z" });

    await waitFor("both events' messages sent", async () => {
      const rows = [...(await messagesOf(cancelled)), ...(await messagesOf(survey))];
      return rows.length === 3 && rows.every((m) => m.status === "sent") && rows;
    });
    const [sms] = sinks.store.list({ to: phone });
    expect(sms!.body).toBe("Assignment cancelled: ticket #777. No visit needed.");
    const mails = sinks.store.list({ to: alice.email }).slice(-2).sort((a, b) => a.subject!.localeCompare(b.subject!));
    expect(mails.map((m) => m.subject)).toEqual(["How did we do?", "Ticket #777 is cancelled"]);
    expect(mails[0]!.body).toContain("http://localhost:3000/survey/tok-777");
    expect(mails[1]!.body).toContain("Reason: It works again");
    const listed = await client.messages.list.query({ eventId: cancelled });
    expect(listed.map((m) => [m.kind, m.recipient, m.status]).sort()).toEqual([
      ["customer.status.cancelled", alice.email, "sent"],
      ["expert.assignment_cancelled", phone, "sent"],
    ]);
  });

  it("sends a committed message whose job was lost (crash between commit and enqueue)", async () => {
    const phone = "+1-555-0105";
    const orphan = await db.message.create({
      data: { eventId: randomUUID(), kind: "expert.new_assignment", channel: "sms", provider: "http-sms", recipient: phone, body: "orphaned before its job" },
    });
    await waitFor("the orphan sent by the periodic requeue", async () => (await db.message.findUnique({ where: { id: orphan.id } }))?.status === "sent");
    expect(sinks.store.list({ to: phone }).map((m) => m.body)).toEqual(["orphaned before its job"]);
  });
});

describe("customer contacts from customer.profile_changed", () => {
  const plan = { name: "Premier", tier: 3, requiredSkillLevel: 4, assignTargetMinutes: 60, acceptTargetMinutes: 30, resolveTargetMinutes: 1440 };
  const profile = (customerId: string, changedAt: string, email?: string) =>
    publish("customer.profile_changed", customerId, {
      customerId, name: "Zoe Quinn", ...(email ? { email } : {}), addressLat: 41.88, addressLon: -87.63, plan, products: [], changedAt,
    });
  const processed = (eventId: string) =>
    waitFor(`event ${eventId} processed`, () => db.processedEvent.findUnique({ where: { eventId_consumerGroup: { eventId, consumerGroup: CONSUMER_GROUP } } }).then((r) => r ?? undefined));
  const surveyFor = (customerId: string, token: string) => {
    const ticketId = randomUUID();
    return publish("survey.created", ticketId, { surveyId: randomUUID(), ticketId, customerId, token, expiresAt: "2026-12-02T10:00:00.000Z" });
  };

  it("keeps the newest profile and e-mails the customer from it, without asking the customer service", async () => {
    // Unknown to the customer service: only the projection can name this customer's address.
    const customerId = randomUUID();
    await processed(await profile(customerId, "2026-11-25T10:00:00.000Z", "zoe.b@example.com"));
    await processed(await profile(customerId, "2026-11-25T09:00:00.000Z", "zoe.a@example.com")); // older, arrives later: ignored
    expect(await db.customerContact.findUnique({ where: { customerId } })).toMatchObject({ email: "zoe.b@example.com", changedAt: new Date("2026-11-25T10:00:00.000Z") });
    await processed(await profile(customerId, "2026-11-25T11:00:00.000Z", "zoe.c@example.com")); // newer: replaces
    expect(await db.customerContact.findUnique({ where: { customerId } })).toMatchObject({ name: "Zoe Quinn", email: "zoe.c@example.com" });

    const survey = await surveyFor(customerId, "tok-zoe");
    await waitFor("the survey mail sent", async () => (await messagesOf(survey)).find((m) => m.status === "sent"));
    expect(sinks.store.list({ to: "zoe.c@example.com" }).map((m) => m.subject)).toEqual(["How did we do?"]);
    expect(sinks.store.list({ to: "zoe.a@example.com" })).toHaveLength(0);
    expect(sinks.store.list({ to: "zoe.b@example.com" })).toHaveLength(0);
  });

  it("asks the customer service for a customer the projection lacks (here: a profile published without e-mail)", async () => {
    await processed(await profile(alice.id, "2026-11-25T12:00:00.000Z"));
    expect(await db.customerContact.findUnique({ where: { customerId: alice.id } })).toBeNull();
    const before = sinks.store.list({ to: alice.email }).length;

    const survey = await surveyFor(alice.id, "tok-alice");
    const [mail] = await waitFor("the survey mail sent", async () => {
      const rows = await messagesOf(survey);
      return rows.length === 1 && rows[0]!.status === "sent" && rows;
    });
    expect(mail!.recipient).toBe(alice.email);
    expect(sinks.store.list({ to: alice.email }).slice(before).map((m) => m.subject)).toEqual(["How did we do?"]);
  });
});
