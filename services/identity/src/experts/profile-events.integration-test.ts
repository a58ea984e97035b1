import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { demoUsers } from "@sysops/demo-data";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { expertProfileChanged, parseEvent } from "@sysops/events/catalog";
import { startOutboxRelay } from "@sysops/events/relay";
import { createLogger } from "@sysops/logger";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DB_SCHEMA } from "../db/client.ts";
import { migrate, seedDemo } from "../db/lifecycle.ts";

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
