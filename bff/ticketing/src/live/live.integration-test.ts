/**
 * Live updates over real HTTP/SSE with real Redis and TWO bff-ticketing instances reading one stream (a
 * stream name of this test run only): every instance sees every event; a lost connection resumes from
 * lastEventId without a gap or a duplicate; a customer never sees another customer's ticket, an expert only
 * the tickets they hold.
 */
import { randomUUID } from "node:crypto";
import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import { EventSource } from "eventsource";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLER_HEADER, signCaller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import { startTrpcServer, type RunningServer } from "@sysops/trpc-server/server";
import { freePort } from "@sysops/trpc-server/testing";
import { createServices } from "../clients.ts";
import type { AppRouter } from "../router.ts";
import { appRouter } from "../router.ts";
import { contextFactory } from "../trpc.ts";
import { compareStreamIds, startEventStreamFeed, type EventStreamFeed } from "./event-stream-feed.ts";
import type { LiveTicketChange } from "./ticket-change.ts";

const secret = "bff-ticketing-live-test-secret-0123456789";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const stream = `test:live:${randomUUID()}`;
const logger = createLogger("live-test", "silent");
const noServices = () => "http://127.0.0.1:9";

const ANN: UserCaller = { kind: "user", userId: randomUUID(), role: "customer", name: "Ann", customerId: randomUUID() };
const BEN: UserCaller = { kind: "user", userId: randomUUID(), role: "customer", name: "Ben", customerId: randomUUID() };
const EXPERT: UserCaller = { kind: "user", userId: randomUUID(), role: "expert", name: "Eli" };
const AGENT: UserCaller = { kind: "user", userId: randomUUID(), role: "agent", name: "Pat" };

interface Instance {
  port: number;
  server: RunningServer;
  feed: EventStreamFeed;
  connections: Redis[];
}

const redis = new Redis(REDIS_URL);
const instances: Instance[] = [];

async function startInstance(port: number, drainTimeoutMs = 50): Promise<Instance> {
  const reader = new Redis(REDIS_URL);
  const blocking = new Redis(REDIS_URL);
  const feed = startEventStreamFeed({ blocking, reader, stream, logger, blockMs: 1_000 });
  const server = await startTrpcServer({
    name: "bff-ticketing-live-test",
    port,
    router: appRouter,
    logger,
    createContext: contextFactory(secret, createServices(noServices, { changes: feed })),
    drainTimeoutMs,
    onClose: () => feed.stop(),
  });
  return { port, server, feed, connections: [reader, blocking] };
}

async function stopInstance(instance: Instance) {
  await instance.server.close();
  for (const c of instance.connections) c.disconnect();
}

let seq = 0;
/** Appends a ticket event the way the outbox relay does (fields `type` and `event`); returns the entry id. */
async function appendStatusChange(customerId: string, to: string, expertId?: string): Promise<{ entryId: string; ticketId: string; number: number }> {
  const ticketId = randomUUID();
  seq += 1;
  const at = new Date().toISOString();
  const event = {
    id: randomUUID(),
    type: "ticket.status_changed",
    version: 1,
    occurredAt: at,
    aggregateType: "ticket",
    aggregateId: ticketId,
    payload: { ticketId, number: seq, customerId, from: "new", to, actorId: "matching", actorRole: "system", channel: "system", ...(expertId ? { expertId } : {}), at },
  };
  const entryId = await redis.xadd(stream, "*", "type", event.type, "event", JSON.stringify(event));
  return { entryId: entryId!, ticketId, number: seq };
}

interface Received {
  id: string;
  data: LiveTicketChange;
  at: number;
}

/**
 * Subscribes as `caller` to instance `port`; collects what arrives. A new subscription (no lastEventId) may first
 * get a few seconds of older changes (event-stream-feed.ts, `position`): `received` holds what was appended after
 * the call, `older` the rest. A resumed one is exact: everything lands in `received`.
 */
async function subscribe(port: number, caller: UserCaller, lastEventId?: string) {
  const token = await signCaller(caller, secret);
  const newest = lastEventId ? undefined : ((await redis.xrevrange(stream, "+", "-", "COUNT", 1)) as [string, string[]][])[0]?.[0];
  const client = createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: `http://127.0.0.1:${port}`,
        EventSource,
        eventSourceOptions: () => ({ fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, [CALLER_HEADER]: token } }) }),
      }),
    ],
  });
  const received: Received[] = [];
  const older: Received[] = [];
  const errors: unknown[] = [];
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const sub = client.live.ticketChanges.subscribe(lastEventId ? { lastEventId } : undefined, {
    onStarted: () => started(),
    onData: (e) => (newest && compareStreamIds(e.id, newest) <= 0 ? older : received).push({ id: e.id, data: e.data, at: performance.now() }),
    onError: (e) => errors.push(e),
  });
  await Promise.race([ready, new Promise((_, reject) => setTimeout(() => reject(new Error("subscription did not start")), 5_000))]);
  return { received, older, errors, unsubscribe: () => sub.unsubscribe() };
}

const until = async (check: () => boolean, ms = 3_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
};

beforeAll(async () => {
  instances.push(await startInstance(await freePort()), await startInstance(await freePort()));
});
afterAll(async () => {
  for (const instance of instances) await stopInstance(instance);
  await redis.del(stream);
  redis.disconnect();
});

describe("live.ticketChanges", () => {
  it("an event appended to the stream reaches subscribers of both instances within 1 s", async () => {
    const [a, b] = await Promise.all([subscribe(instances[0]!.port, ANN), subscribe(instances[1]!.port, ANN)]);
    const sentAt = performance.now();
    const { entryId, ticketId, number } = await appendStatusChange(ANN.customerId!, "assigned", EXPERT.userId);
    await until(() => a.received.length > 0 && b.received.length > 0);
    for (const sub of [a, b]) {
      expect(sub.received.map((r) => [r.id, r.data.ticketId, r.data.number, r.data.status])).toEqual([[entryId, ticketId, number, "assigned"]]);
      expect(sub.received[0]!.at - sentAt).toBeLessThan(1_000);
      sub.unsubscribe();
    }
  });

  it("resuming with lastEventId delivers the missed events exactly once, on either instance", async () => {
    const first = await subscribe(instances[0]!.port, ANN);
    const seen = await appendStatusChange(ANN.customerId!, "assigned");
    await until(() => first.received.length === 1);
    first.unsubscribe();

    const missed = [await appendStatusChange(ANN.customerId!, "accepted"), await appendStatusChange(BEN.customerId!, "accepted"), await appendStatusChange(ANN.customerId!, "in_progress")];
    const resumed = await subscribe(instances[1]!.port, ANN, seen.entryId);
    const live = await appendStatusChange(ANN.customerId!, "resolved");
    await until(() => resumed.received.length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(resumed.received.map((r) => r.id)).toEqual([missed[0]!.entryId, missed[2]!.entryId, live.entryId]);
    resumed.unsubscribe();
  });

  it("a dropped connection reconnects by itself and gets what happened meanwhile, once", async () => {
    const port = await freePort();
    let instance = await startInstance(port);
    const sub = await subscribe(port, ANN);
    const before = await appendStatusChange(ANN.customerId!, "assigned");
    await until(() => sub.received.length === 1);

    await stopInstance(instance); // the connection drops
    const meanwhile = await appendStatusChange(ANN.customerId!, "accepted");
    instance = await startInstance(port);
    await until(() => sub.received.length >= 2, 10_000);
    const after = await appendStatusChange(ANN.customerId!, "in_progress");
    await until(() => sub.received.length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(sub.received.map((r) => r.id)).toEqual([before.entryId, meanwhile.entryId, after.entryId]);
    sub.unsubscribe();
    await stopInstance(instance);
  });

  it("stopping the feed ends open streams, so a draining instance does not wait for them", async () => {
    const port = await freePort();
    const instance = await startInstance(port, 10_000);
    const sub = await subscribe(port, ANN);
    const started = performance.now();
    await instance.feed.stop(); // what main.ts does on SIGTERM, before the server drains
    await stopInstance(instance);
    expect(performance.now() - started).toBeLessThan(2_000);
    sub.unsubscribe();
  });

  it("a customer never receives another customer's ticket; an expert only the tickets they hold; an agent all", async () => {
    const port = instances[0]!.port;
    const [ann, ben, expert, agent] = await Promise.all([subscribe(port, ANN), subscribe(port, BEN), subscribe(port, EXPERT), subscribe(port, AGENT)]);
    const annsTicket = await appendStatusChange(ANN.customerId!, "assigned", EXPERT.userId);
    const bensTicket = await appendStatusChange(BEN.customerId!, "assigned", randomUUID());
    await until(() => agent.received.length === 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(ann.received.map((r) => r.id)).toEqual([annsTicket.entryId]);
    expect(ben.received.map((r) => r.id)).toEqual([bensTicket.entryId]);
    expect(expert.received.map((r) => r.id)).toEqual([annsTicket.entryId]);
    expect(agent.received.map((r) => r.id)).toEqual([annsTicket.entryId, bensTicket.entryId]);
    for (const s of [ann, ben, expert, agent]) s.unsubscribe();
  });

  it("reads the stream only while somebody listens", async () => {
    const name = `live-test-blocking-${randomUUID()}`;
    const blocking = new Redis(REDIS_URL, { connectionName: name });
    const reader = new Redis(REDIS_URL);
    const feed = startEventStreamFeed({ blocking, reader, stream, logger, blockMs: 1_000 });
    /** Whether the feed's blocking connection sits in an XREAD right now (CLIENT LIST flag `b`). */
    const blocked = async () => {
      const line = String(await redis.client("LIST")).split("\n").find((l) => l.includes(` name=${name} `));
      if (!line) throw new Error("the feed's blocking connection is not connected");
      return / flags=\w*b/.test(line);
    };
    try {
      await appendStatusChange(ANN.customerId!, "assigned");
      await new Promise((r) => setTimeout(r, 200));
      expect(await blocked()).toBe(false);

      const listener = new AbortController();
      const entries = feed.listen(listener.signal);
      const appended = await appendStatusChange(ANN.customerId!, "accepted");
      const first = (await entries.next()).value as [string, string[]][];
      expect(first.map(([id]) => id)).toContain(appended.entryId);
      const started = Date.now() + 2_000;
      while (!(await blocked())) {
        if (Date.now() > started) throw new Error("not reading while somebody listens");
        await new Promise((r) => setTimeout(r, 20));
      }

      listener.abort();
      await appendStatusChange(ANN.customerId!, "in_progress"); // the XREAD in flight returns, finds nobody, ends
      const end = Date.now() + 2_000;
      while (await blocked()) {
        if (Date.now() > end) throw new Error("still reading with nobody listening");
        await new Promise((r) => setTimeout(r, 20));
      }
      await appendStatusChange(ANN.customerId!, "resolved");
      await new Promise((r) => setTimeout(r, 200));
      expect(await blocked()).toBe(false);
    } finally {
      await feed.stop();
      reader.disconnect();
    }
  });

  it("refuses a stream without a caller token and a malformed lastEventId (an error event, then the stream ends)", async () => {
    const url = `http://127.0.0.1:${instances[0]!.port}/live.ticketChanges`;
    const anonymous = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    expect(await anonymous.text()).toMatch(/event: serialized-error[\s\S]*"UNAUTHORIZED"/);
    const bad = await fetch(`${url}?input=${encodeURIComponent(JSON.stringify({ lastEventId: "0; DROP" }))}`, {
      headers: { [CALLER_HEADER]: await signCaller(ANN, secret) },
      signal: AbortSignal.timeout(3_000),
    });
    expect(await bad.text()).toMatch(/event: serialized-error[\s\S]*"BAD_REQUEST"[\s\S]*Not a stream entry id/);
  });
});
