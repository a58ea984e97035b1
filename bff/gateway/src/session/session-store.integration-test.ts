/** The session store against real Redis (keys under a prefix of this file's own). */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestRedis, dropKeysAndQuit } from "../testing/gateway-harness.ts";
import { SessionStore, type SessionUser } from "./session-store.ts";

const redis = connectTestRedis();
const keyPrefix = `test:session-store:${randomUUID()}:`;
afterAll(() => dropKeysAndQuit(redis, keyPrefix));

const ANN: SessionUser = { id: randomUUID(), email: "ann@example.com", name: "Ann", role: "customer", customerId: randomUUID() };
const RECHECK_MS = 150;
const store = () => new SessionStore(redis, keyPrefix, 3600, RECHECK_MS);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("SessionStore", () => {
  it("answers a session it read less than recheckMs ago from memory, then asks Redis again", async () => {
    const sessions = store();
    const id = await sessions.create(ANN);
    expect(await sessions.touch(id)).toEqual(ANN);
    await redis.del(sessions.key(id)); // signed out through another gateway instance
    expect(await sessions.touch(id)).toEqual(ANN);
    await sleep(RECHECK_MS + 20);
    expect(await sessions.touch(id)).toBeNull();
  });

  it("signing out here forgets the session at once", async () => {
    const sessions = store();
    const id = await sessions.create(ANN);
    expect(await sessions.touch(id)).toEqual(ANN);
    await sessions.destroy(id);
    expect(await sessions.touch(id)).toBeNull();
    expect(await redis.exists(sessions.key(id))).toBe(0);
  });

  it("extends the TTL in Redis when it asks Redis again", async () => {
    const sessions = store();
    const id = await sessions.create(ANN);
    await sessions.touch(id);
    await redis.expire(sessions.key(id), 60);
    await sessions.touch(id); // from memory: the TTL stays
    expect(await redis.ttl(sessions.key(id))).toBeLessThanOrEqual(60);
    await sleep(RECHECK_MS + 20);
    await sessions.touch(id);
    expect(await redis.ttl(sessions.key(id))).toBeGreaterThan(3500);
  });

  it("refuses unknown, malformed and unreadable sessions", async () => {
    const sessions = store();
    expect(await sessions.touch(undefined)).toBeNull();
    expect(await sessions.touch("not-a-session-id")).toBeNull();
    expect(await sessions.touch("A".repeat(43))).toBeNull();
    const id = "B".repeat(43);
    await redis.set(sessions.key(id), JSON.stringify({ id: "x", role: "pirate" }));
    expect(await sessions.touch(id)).toBeNull();
  });
});
