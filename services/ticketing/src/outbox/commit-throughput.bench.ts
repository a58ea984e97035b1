/**
 * Ticket creation throughput with and without a NOTIFY rule on the outbox (the approach migration
 * outbox_commit_notify tried and outbox_drop_commit_notify removed). In-process creates through the API
 * router on a fresh test database (real customer service over HTTP), `CONCURRENCY` at once for `SECONDS`
 * per round; rounds alternate so machine noise hits both. The "without" rounds run a relay woken after
 * every commit (today's path); the "with" rounds have the rule and no relay.
 *   npx tsx src/outbox/commit-throughput.bench.ts   (env: CONCURRENCY=10 SECONDS=5 ROUNDS=2)
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { startOutboxRelay } from "@sysops/events/relay";
import { DB_SCHEMA } from "../db/client.ts";
import { bob, logger, startTicketingFixture, type TicketingFixture } from "../test-fixture.ts";
import { useOutboxRelay } from "@sysops/events/relay-wake";

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function createsPerSecond(f: TicketingFixture): Promise<number> {
  const until = performance.now() + SECONDS * 1000;
  let created = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await f.fileTicket(bob);
        created += 1;
      }
    }),
  );
  return created / SECONDS;
}

const f = await startTicketingFixture();
const redis = new Redis(REDIS_URL);
const stream = `bench:ticketing:${randomUUID()}`;
try {
  await createsPerSecond(f); // warm-up: connections, JIT
  for (let round = 1; round <= ROUNDS; round += 1) {
    await f.db.$executeRawUnsafe(`CREATE RULE "OutboxEvent_notify_relay" AS ON INSERT TO "${DB_SCHEMA}"."OutboxEvent" DO ALSO NOTIFY "sysops_outbox_${DB_SCHEMA}"`);
    const withRule = await createsPerSecond(f);
    await f.db.$executeRawUnsafe(`DROP RULE "OutboxEvent_notify_relay" ON "${DB_SCHEMA}"."OutboxEvent"`);
    const relay = startOutboxRelay({ databaseUrl: f.testDb.url, schema: DB_SCHEMA, redis, logger, stream });
    const unregister = useOutboxRelay(relay);
    const withWake = await createsPerSecond(f);
    unregister();
    await relay.stop();
    console.log(`round ${round}: NOTIFY rule ${withRule.toFixed(1)} creates/s, in-process wake ${withWake.toFixed(1)} creates/s (${CONCURRENCY} concurrent, ${SECONDS} s each)`);
  }
} finally {
  await redis.del(stream);
  redis.disconnect();
  await f.close();
}
