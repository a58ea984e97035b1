import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { demoUsers } from "@sysops/demo-data";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { expertProfileChanged, parseEvent } from "@sysops/events/catalog";
import { startOutboxRelay } from "@sysops/events/relay";
import { startWokenOutboxRelay } from "@sysops/events/relay-wake";
import { createLogger } from "@sysops/logger";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, DB_SCHEMA } from "../db/client.ts";
import { migrate, seedDemo } from "../db/lifecycle.ts";
import { updateExpertProfile } from "./update-profile.ts";

let testDb: TestDatabase;
let redis: Redis;
const stream = `test:identity:${randomBytes(6).toString("hex")}`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await migrate(testDb.url);
  await seedDemo(testDb.url);
  redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 3 });
});
afterAll(async () => {
  await redis?.del(stream);
  redis?.disconnect();
  await testDb?.drop();
});

it("identity's outbox relays the seeded expert profiles to the event stream as valid v1 events", async () => {
  const relay = startOutboxRelay({ databaseUrl: testDb.url, schema: DB_SCHEMA, redis, logger: createLogger("test", "silent"), stream, poll: false });
  try {
    expect(await relay.drainOnce()).toBe(demoUsers.experts.length);
    expect(await relay.drainOnce()).toBe(0);
  } finally {
    await relay.stop();
  }
  const entries = await redis.xrange(stream, "-", "+");
  const events = entries.map(([, fields]) => {
    const parsed = parseEvent(JSON.parse(fields[fields.indexOf("event") + 1]!));
    if (!parsed.ok || parsed.event.type !== expertProfileChanged.type) throw new Error(`not a valid profile event: ${JSON.stringify(parsed)}`);
    return parsed.event;
  });
  expect(events).toHaveLength(demoUsers.experts.length);
  const ids = events.map((e) => e.payload.expertId);
  expect(ids.sort()).toEqual(demoUsers.experts.map((e) => e.id).sort());
  expect(events.every((e) => ids.includes(e.aggregateId))).toBe(true);
});

it("a profile change is published at its commit by a woken relay, not at the relay's (one-minute) poll", async () => {
  const wokenStream = `${stream}:woken`;
  const db = createDb(testDb.url);
  const relay = startWokenOutboxRelay({ databaseUrl: testDb.url, schema: DB_SCHEMA, redis, logger: createLogger("test", "silent"), stream: wokenStream, idleMs: 60_000 });
  try {
    await new Promise((resolve) => setTimeout(resolve, 300)); // past its first drain (the seeded profiles)
    const before = await redis.xlen(wokenStream);
    const expert = demoUsers.experts[0]!;
    const changing = performance.now();
    await updateExpertProfile(db, expert.id, { onDuty: false });
    while ((await redis.xlen(wokenStream)) === before) {
      if (performance.now() - changing > 5_000) throw new Error("the change was not published within 5 s");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [[, fields]] = (await redis.xrevrange(wokenStream, "+", "-", "COUNT", 1)) as [[string, string[]]];
    expect(JSON.parse(fields[fields.indexOf("event") + 1]!)).toMatchObject({ type: "expert.profile_changed", payload: { expertId: expert.id, onDuty: false } });
  } finally {
    await relay.stop();
    await redis.del(wokenStream);
    await db.$disconnect();
  }
});
