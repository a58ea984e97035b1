import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { startOutboxRelay, type OutboxRelay } from "@sysops/events/relay";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DB_SCHEMA } from "../db/client.ts";
import { bob, logger, startTicketingFixture, type TicketingFixture } from "../test-fixture.ts";
import { useOutboxRelay } from "@sysops/events/relay-wake";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
/** The relays below poll once a minute: only the post-commit wake-up can publish within a test. */
const ONE_MINUTE = 60_000;

let f: TicketingFixture;
let redis: Redis;
let stream: string;
let relay: OutboxRelay;
/** Stops the test's relay (and unregisters it), if it started one. */
let stopRelay: (() => Promise<void>) | undefined;

beforeAll(async () => {
  f = await startTicketingFixture();
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  redis.disconnect();
  await f.close();
});
afterEach(async () => {
  await stopRelay?.();
  stopRelay = undefined;
});

/** A relay with a one-minute poll on its own stream, past its first (empty) drain. */
async function startIdleRelay(register: boolean) {
  stream = `test:ticketing:wake:${randomUUID()}`;
  relay = startOutboxRelay({ databaseUrl: f.testDb.url, schema: DB_SCHEMA, redis, logger, stream, idleMs: ONE_MINUTE });
  const unregister = register ? useOutboxRelay(relay) : () => undefined;
  const started = { relay, stream };
  stopRelay = async () => {
    unregister();
    await started.relay.stop();
    await redis.del(started.stream);
  };
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const typesOnStream = async () => (await redis.xrange(stream, "-", "+")).map(([, fields]) => fields[fields.indexOf("type") + 1]);

/** Ms until `type` is on the stream, measured from `since`; fails after 5 s. */
async function msUntilPublished(type: string, since: number): Promise<number> {
  while (!(await typesOnStream()).includes(type)) {
    if (performance.now() - since > 5_000) throw new Error(`${type} not published within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - since;
}

describe("outbox relay wake-up after commit", () => {
  it("the migrations leave no NOTIFY rule on the outbox (it serialized every commit)", async () => {
    const rules = await f.db.$queryRaw<unknown[]>`SELECT 1 FROM pg_rules WHERE schemaname = ${DB_SCHEMA} AND tablename = 'OutboxEvent'`;
    expect(rules).toEqual([]);
  });

  it("a created ticket and a transition are published at their commit, not at the relay's next poll", async () => {
    await startIdleRelay(true);
    const filing = performance.now();
    const ticket = await f.fileTicket(bob);
    const createdMs = await msUntilPublished("ticket.created", filing);
    const cancelling = performance.now();
    await f.as(bob.caller).tickets.cancel({ ticketId: ticket.id, expectedVersion: ticket.version, reason: "fixed itself" });
    const cancelledMs = await msUntilPublished("ticket.status_changed", cancelling);
    // Each includes the request itself (customer service call, transaction); the poll would take a minute.
    expect(createdMs).toBeLessThan(1_000);
    expect(cancelledMs).toBeLessThan(1_000);
  });

  it("a relay that is not registered is not woken: the row waits for its poll", async () => {
    await startIdleRelay(false);
    await f.fileTicket(bob);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await typesOnStream()).toEqual([]);
    expect(await relay.drainOnce()).toBe(1);
  });
});
