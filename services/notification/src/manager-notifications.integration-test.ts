/**
 * Managers hear about SLA breaches and escalations, with their addresses looked up in the REAL identity
 * service (in-process HTTP server on a fresh test database with the demo users plus a second manager), the
 * events arriving on a real Redis stream and the mails going over SMTP into the smtp-server sink.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createSeededTestDatabase } from "@sysops/db/test-database";
import { demoUsers } from "@sysops/demo-data";
import { ticketSlaBreached, ticketStatusChanged, type EventDefinition } from "@sysops/events/catalog";
import { toOutboxRow, type OutboxInput } from "@sysops/events/outbox";
import { createLogger } from "@sysops/logger";
import * as identityService from "@sysops/svc-identity/lifecycle";
import { startIdentityServer } from "@sysops/svc-identity/server";
import { freePort, Teardown } from "@sysops/trpc-server/testing";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceContactDirectory } from "./contacts/contacts.ts";
import { createDb, type Db } from "./db/client.ts";
import { migrate } from "./db/lifecycle.ts";
import { startLocalSinks, type LocalSinks } from "./sinks/local-sinks.ts";
import { startTestNotificationService, waitFor } from "./testing/notification-under-test.ts";

const SECRET = "integration-test-secret-0123456789abcdef";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const logger = createLogger("test", "silent");
const run = randomBytes(4).toString("hex");
const stream = `test:notification-managers:${run}:events`;
const queuePrefix = `test-notification-managers-${run}`;
const secondManager = { id: randomUUID(), name: "Quinn Second-Manager", email: `quinn.${run}@sysops.example` };

const teardown = new Teardown();
let db: Db;
let redis: Redis;
let sinks: LocalSinks;
let managers: { name: string; email: string }[];

/** XADDs the event exactly as the outbox relay publishes it (payload validated by the catalog); returns its id. */
async function publish<D extends EventDefinition>(definition: D, input: OutboxInput<D>): Promise<string> {
  const row = toOutboxRow(definition, input);
  const envelope = { ...row, occurredAt: row.occurredAt.toISOString() };
  await redis.xadd(stream, "*", "type", row.type, "event", JSON.stringify(envelope));
  return row.id;
}

const mailsTo = (email: string) => sinks.store.list({ channel: "email", to: email });

beforeAll(async () => {
  const testDb = teardown.add(await createSeededTestDatabase(identityService), (t) => t.drop());
  // A second manager, so "every manager" is more than the demo world's one.
  const client = new pg.Client({ connectionString: testDb.url });
  await client.connect();
  await client.query(`INSERT INTO identity."User" (id, email, name, "passwordHash", role) VALUES ($1, $2, $3, 'not-a-login', 'manager')`, [
    secondManager.id, secondManager.email, secondManager.name,
  ]);
  await client.end();
  managers = [demoUsers.manager, secondManager].map(({ name, email }) => ({ name, email }));

  await migrate(testDb.url);
  db = teardown.add(createDb(testDb.url), (d) => d.$disconnect());
  redis = teardown.add(new Redis(REDIS_URL), async (r) => {
    await r.del(stream, ...(await r.keys(`${queuePrefix}:*`)));
    r.disconnect();
  });
  const identity = teardown.server(await startIdentityServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: SECRET, logger }));
  sinks = teardown.add(await startLocalSinks({ smtp: 0, sms: 0 }), (s) => s.close());
  teardown.server(
    await startTestNotificationService({
      databaseUrl: testDb.url,
      redisUrl: REDIS_URL,
      internalSecret: SECRET,
      logger,
      // Nothing here concerns a customer: a lookup there would fail loudly (nothing listens on port 9).
      contacts: serviceContactDirectory({ customer: "http://127.0.0.1:9", identity: identity.url }, SECRET),
      sinks,
      retry: { attempts: 3, backoffMs: 100 },
      queuePrefix,
      stream,
    }),
  );
});

afterAll(() => teardown.run());

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
    // The sink holds a mail as soon as SMTP accepted it; the row is marked sent just after that.
    const rows = await waitFor("both messages recorded as sent", async () => {
      const found = await db.message.findMany({ where: { eventId }, orderBy: { recipient: "asc" } });
      return found.length === managers.length && found.every((m) => m.status !== "queued") && found;
    });
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
