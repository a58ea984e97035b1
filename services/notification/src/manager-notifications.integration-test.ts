/**
 * Managers hear about SLA breaches and escalations, with their addresses looked up in the REAL identity
 * service (in-process HTTP server on a fresh test database with the demo users plus a second manager), the
 * events arriving on a real Redis stream and the mails going over SMTP into the smtp-server sink.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { demoUsers } from "@sysops/demo-data";
import { ticketSlaBreached, ticketStatusChanged, type EventDefinition } from "@sysops/events/catalog";
import { toOutboxRow, type OutboxInput } from "@sysops/events/outbox";
import { createLogger } from "@sysops/logger";
import * as identityService from "@sysops/svc-identity/lifecycle";
import { startIdentityServer } from "@sysops/svc-identity/server";
import type { RunningServer } from "@sysops/trpc-server/server";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceContactDirectory } from "./contacts/contacts.ts";
import { createDb, type Db } from "./db/client.ts";
import { migrate } from "./db/lifecycle.ts";
import { startNotificationService } from "./service.ts";
import { localSinkProviders, startLocalSinks, type LocalSinks } from "./sinks/local-sinks.ts";

const SECRET = "integration-test-secret-0123456789abcdef";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const logger = createLogger("test", "silent");
const run = randomBytes(4).toString("hex");
const stream = `test:notification-managers:${run}:events`;
const queuePrefix = `test-notification-managers-${run}`;
const secondManager = { id: randomUUID(), name: "Quinn Second-Manager", email: `quinn.${run}@sysops.example` };

let testDb: TestDatabase;
let db: Db;
let redis: Redis;
let sinks: LocalSinks;
let identity: RunningServer;
let service: RunningServer;
let managers: { name: string; email: string }[];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** XADDs the event exactly as the outbox relay publishes it (payload validated by the catalog); returns its id. */
async function publish<D extends EventDefinition>(definition: D, input: OutboxInput<D>): Promise<string> {
  const row = toOutboxRow(definition, input);
  const envelope = { ...row, occurredAt: row.occurredAt.toISOString() };
  await redis.xadd(stream, "*", "type", row.type, "event", JSON.stringify(envelope));
  return row.id;
}

const mailsTo = (email: string) => sinks.store.list({ channel: "email", to: email });

beforeAll(async () => {
  testDb = await createTestDatabase();
  await identityService.migrate(testDb.url);
  await identityService.seedDemo(testDb.url);
  // A second manager, so "every manager" is more than the demo world's one.
  const client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
  await client.query(`INSERT INTO identity."User" (id, email, name, "passwordHash", role) VALUES ($1, $2, $3, 'not-a-login', 'manager')`, [
    secondManager.id, secondManager.email, secondManager.name,
  ]);
  await client.end();
  managers = [demoUsers.manager, secondManager].map(({ name, email }) => ({ name, email }));

  await migrate(testDb.url);
  db = createDb(testDb.url);
  redis = new Redis(REDIS_URL);
  identity = await startIdentityServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: SECRET, logger });
  sinks = await startLocalSinks({ smtp: 0, sms: 0 });
  service = await startNotificationService({
    databaseUrl: testDb.url,
    redisUrl: REDIS_URL,
    port: await freePort(),
    internalSecret: SECRET,
    logger,
    // Nothing here concerns a customer: a lookup there would fail loudly (nothing listens on port 9).
    contacts: serviceContactDirectory({ customer: "http://127.0.0.1:9", identity: identity.url }, SECRET),
    providers: localSinkProviders(sinks, "Sysops Squad <no-reply@sysops.test>"),
    publicOrigin: "http://localhost:3000",
    sinks: sinks.store,
    retry: { attempts: 3, backoffMs: 100 },
    queuePrefix,
    stream,
    claimIdleMs: 500,
    requeueEveryMs: 500,
  });
});

afterAll(async () => {
  await service?.close();
  await identity?.close();
  await sinks?.close();
  if (redis) {
    await redis.del(stream, ...(await redis.keys(`${queuePrefix}:*`)));
    redis.disconnect();
  }
  await db?.$disconnect();
  await testDb?.drop();
});

describe("manager notifications with contacts from the real identity service", () => {
  it("mails every manager once about an SLA breach, and nobody else", async () => {
    const ticketId = randomUUID();
    const payload = { ticketId, number: 4101, customerId: randomUUID(), target: "assign" as const, dueAt: "2026-11-25T12:00:00.000Z" };
    const eventId = await publish(ticketSlaBreached, { aggregateType: "ticket", aggregateId: ticketId, payload });

    await waitFor("a mail to each manager", () => managers.every((m) => mailsTo(m.email).length === 1));
    for (const manager of managers) {
      const [mail] = mailsTo(manager.email);
      expect(mail).toMatchObject({ subject: "SLA breached: ticket #4101 (assign)" });
      expect(mail!.body).toContain("Ticket #4101 missed its time-to-assign target, due Wed, 25 Nov 2026 12:00:00 GMT.");
    }
    const rows = await db.message.findMany({ where: { eventId }, orderBy: { recipient: "asc" } });
    expect(rows.map((m) => [m.kind, m.recipient, m.status])).toEqual(
      managers.map((m) => ["manager.sla_breached.assign", m.email, "sent"]).sort((a, b) => a[1]!.localeCompare(b[1]!)),
    );
    // The admin, agents and experts are not managers.
    for (const user of [demoUsers.admin, ...demoUsers.agents, ...demoUsers.experts]) expect(mailsTo(user.email)).toHaveLength(0);
  });

  it("mails every manager once about an escalation, even when the event is delivered twice", async () => {
    const ticketId = randomUUID();
    const payload = {
      ticketId, number: 4102, customerId: randomUUID(), from: "new", to: "escalated", actorId: demoUsers.agents[0]!.id, actorRole: "agent",
      channel: "phone" as const, reason: "Customer called three times", at: new Date().toISOString(),
    };
    const row = toOutboxRow(ticketStatusChanged, { aggregateType: "ticket", aggregateId: ticketId, payload });
    const envelope = JSON.stringify({ ...row, occurredAt: row.occurredAt.toISOString() });
    await redis.xadd(stream, "*", "type", row.type, "event", envelope);
    await redis.xadd(stream, "*", "type", row.type, "event", envelope); // the relay republished it

    const subject = "Ticket #4102 escalated";
    await waitFor("the escalation mail to each manager", () => managers.every((m) => mailsTo(m.email).some((mail) => mail.subject === subject)));
    await new Promise((r) => setTimeout(r, 500)); // room for a (wrong) second delivery
    for (const manager of managers) {
      const mails = mailsTo(manager.email).filter((mail) => mail.subject === subject);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.body).toContain("Ticket #4102 was escalated from new by agent (phone).");
      expect(mails[0]!.body).toContain("Customer called three times");
    }
    expect(await db.message.count({ where: { eventId: row.id } })).toBe(managers.length);
  });
});
