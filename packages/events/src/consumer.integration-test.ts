import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ticketCreated } from "./catalog.ts";
import { startConsumer, type EventHandlers, type EventSignals } from "./consumer.ts";
import { toOutboxRow } from "./outbox.ts";
import { createFixture, groupCaughtUp, SCHEMA, ticketPayload, waitFor, type Fixture, type PgTx } from "./test-fixture.ts";

let f: Fixture;
const running: { stop(): Promise<void> }[] = [];
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()));
  await f.close();
});

function envelope(number = 1) {
  const ticketId = crypto.randomUUID();
  const row = toOutboxRow(ticketCreated, { aggregateType: "ticket", aggregateId: ticketId, payload: ticketPayload(ticketId, number) });
  return { ...row, occurredAt: row.occurredAt.toISOString() };
}

async function publish(event: unknown): Promise<string> {
  return (await f.redis.xadd(f.stream, "*", "event", typeof event === "string" ? event : JSON.stringify(event)))!;
}

const recordEffect: EventHandlers<PgTx>["ticket.created"] = async (event, tx) => {
  await tx.$executeRawUnsafe(`INSERT INTO ${SCHEMA}."Effect" VALUES ($1, 'g')`, event.id);
};

function consume(handlers: EventHandlers<PgTx>, consumer = "c1", claimIdleMs = 300, maxDeliveries = 10, signals: EventSignals = {}) {
  const c = startConsumer<PgTx>({
    redis: f.redis, group: "g", consumer, db: f.db, schema: SCHEMA, handlers, signals, logger: f.logger, stream: f.stream,
    deadLetterStream: f.deadLetterStream, claimIdleMs, blockMs: 100, maxDeliveries,
  });
  running.push(c);
  return c;
}

async function count(table: string): Promise<number> {
  const { rows } = await f.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${SCHEMA}."${table}"`);
  return Number(rows[0]?.n);
}

const pendingCount = async () => Number((await f.redis.xpending(f.stream, "g"))[0]);

describe("event consumer", () => {
  it("acknowledges only after the transaction commits: a throwing handler leaves no inbox row and is retried", async () => {
    let attempts = 0;
    const seenPending: number[] = [];
    consume({
      "ticket.created": async (event, tx) => {
        attempts += 1;
        await recordEffect(event, tx);
        if (attempts === 1) throw new Error("boom");
      },
    });
    await publish(envelope());
    await waitFor(() => Promise.resolve(attempts >= 1));
    seenPending.push(await pendingCount());
    expect([await count("ProcessedEvent"), await count("Effect")]).toEqual([0, 0]);
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    expect(seenPending).toEqual([1]);
    expect(attempts).toBe(2);
    expect([await count("ProcessedEvent"), await count("Effect")]).toEqual([1, 1]);
  });

  it("a redelivered event id does not run the handler twice", async () => {
    const event = envelope();
    await publish(event);
    await publish(event);
    let calls = 0;
    consume({
      "ticket.created": async (e, tx) => {
        calls += 1;
        await recordEffect(e, tx);
      },
    });
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    expect(calls).toBe(1);
    expect(await count("Effect")).toBe(1);
  });

  it("two consumer groups sharing one schema's inbox each process the same event once", async () => {
    const event = envelope();
    await publish(event);
    await publish(event); // redelivered by the relay: still once per group
    const calls: Record<string, number> = { projection: 0, mailer: 0 };
    for (const group of ["projection", "mailer"]) {
      running.push(
        startConsumer<PgTx>({
          redis: f.redis, group, consumer: `${group}-1`, db: f.db, schema: SCHEMA, logger: f.logger, stream: f.stream,
          deadLetterStream: f.deadLetterStream, blockMs: 100,
          handlers: {
            "ticket.created": async (e, tx) => {
              calls[group] = (calls[group] ?? 0) + 1;
              await tx.$executeRawUnsafe(`INSERT INTO ${SCHEMA}."Effect" VALUES ($1, $2)`, e.id, group);
            },
          },
        }),
      );
    }
    await waitFor(async () => (await groupCaughtUp(f.redis, f.stream, "projection")) && (await groupCaughtUp(f.redis, f.stream, "mailer")));
    expect(calls).toEqual({ projection: 1, mailer: 1 });
    const { rows } = await f.pool.query<{ eventId: string; consumerGroup: string }>(
      `SELECT "eventId", "consumerGroup" FROM ${SCHEMA}."ProcessedEvent" ORDER BY "consumerGroup"`,
    );
    expect(rows).toEqual([
      { eventId: event.id, consumerGroup: "mailer" },
      { eventId: event.id, consumerGroup: "projection" },
    ]);
    expect(await count("Effect")).toBe(2);
  });

  it("handles a backlog read together in one transaction per batch, in stream order, each event once", async () => {
    const events = Array.from({ length: 30 }, (_, i) => envelope(i + 1));
    for (const event of events) await publish(event);
    await publish(events[3]!); // a republished duplicate inside the batch
    let transactions = 0;
    const counting = {
      $transaction: <R>(fn: (tx: PgTx) => Promise<R>) => {
        transactions += 1;
        return f.db.$transaction(fn);
      },
    };
    const seen: number[] = [];
    running.push(
      startConsumer<PgTx>({
        redis: f.redis, group: "g", consumer: "c1", db: counting, schema: SCHEMA, logger: f.logger, stream: f.stream,
        deadLetterStream: f.deadLetterStream, blockMs: 100, batchSize: 50,
        handlers: {
          "ticket.created": async (event, tx) => {
            seen.push(event.payload.number);
            await recordEffect(event, tx);
          },
        },
      }),
    );
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    expect(seen).toEqual(events.map((_, i) => i + 1));
    expect(transactions).toBe(1);
    expect([await count("ProcessedEvent"), await count("Effect")]).toEqual([30, 30]);
  });

  it("a handler failing inside a batch rolls the batch back, then the others commit one by one and it is retried alone", async () => {
    const events = Array.from({ length: 5 }, (_, i) => envelope(i + 1));
    for (const event of events) await publish(event);
    await publish("{not json"); // dead-lettered beside the batch
    let failures = 0;
    consume({
      "ticket.created": async (event, tx) => {
        await recordEffect(event, tx);
        if (event.payload.number === 3 && failures < 2) {
          failures += 1;
          throw new Error("number 3 fails twice");
        }
      },
    });
    await waitFor(async () => (await count("Effect")) === 4);
    const { rows } = await f.pool.query<{ eventId: string }>(`SELECT "eventId" FROM ${SCHEMA}."Effect"`);
    expect(rows.map((r) => r.eventId).sort()).toEqual(events.filter((_, i) => i !== 2).map((e) => e.id).sort());
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    expect(failures).toBe(2); // once in the batch, once alone; the reclaim then handles it
    expect([await count("ProcessedEvent"), await count("Effect")]).toEqual([5, 5]);
    expect(await f.redis.xlen(f.deadLetterStream)).toBe(1);
  });

  it("reclaims the pending entries of a dead consumer", async () => {
    await f.redis.xgroup("CREATE", f.stream, "g", "0", "MKSTREAM");
    for (let i = 1; i <= 3; i += 1) await publish(envelope(i));
    // A consumer that read the entries and died before acknowledging them.
    await f.redis.xreadgroup("GROUP", "g", "dead", "COUNT", 10, "STREAMS", f.stream, ">");
    expect(await pendingCount()).toBe(3);
    consume({ "ticket.created": recordEffect }, "alive", 200);
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    expect(await count("Effect")).toBe(3);
  });

  it("sends malformed, unknown and invalid entries to the dead-letter stream with a reason, acknowledged", async () => {
    const good = envelope();
    await publish("{not json");
    await publish({ ...envelope(), type: "ticket.teleported" });
    await publish({ ...envelope(), version: 9 });
    await publish({ ...envelope(), payload: { ticketId: "nope" } });
    await f.redis.xadd(f.stream, "*", "something", "else");
    await publish(good);
    consume({ "ticket.created": recordEffect });
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    const dead = await f.redis.xrange(f.deadLetterStream, "-", "+");
    const reasons = dead.map(([, fields]) => fields[fields.indexOf("reason") + 1]);
    expect(reasons).toHaveLength(5);
    expect(reasons[0]).toMatch(/^malformed JSON/);
    expect(reasons[1]).toMatch(/unknown event ticket\.teleported@v1/);
    expect(reasons[2]).toMatch(/unknown event ticket\.created@v9/);
    expect(reasons[3]).toMatch(/invalid ticket\.created@v1 payload/);
    expect(reasons[4]).toMatch(/no `event` field/);
    expect(dead[0]?.[1]).toContain("{not json");
    expect(await count("Effect")).toBe(1);
  });

  it("dead-letters an entry whose handler keeps failing after maxDeliveries", async () => {
    let attempts = 0;
    consume(
      {
        "ticket.created": () => {
          attempts += 1;
          return Promise.reject(new Error("always"));
        },
      },
      "c1",
      100,
      2,
    );
    await publish(envelope());
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    expect(attempts).toBe(2);
    const dead = await f.redis.xrange(f.deadLetterStream, "-", "+");
    expect(dead[0]?.[1].join(" ")).toMatch(/gave up after 2 deliveries/);
    expect(await count("ProcessedEvent")).toBe(0);
  });

  it("calls a signal for each entry of its type, with no transaction or inbox row, and acknowledges it", async () => {
    const events = [envelope(1), envelope(2), envelope(3)];
    for (const event of events) await publish(event);
    const seen: number[] = [];
    consume({}, "c1", 300, 10, { "ticket.created": (event) => void seen.push(event.payload.number) });
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    expect(seen).toEqual([1, 2, 3]);
    expect(await count("ProcessedEvent")).toBe(0);
    expect(await pendingCount()).toBe(0);
  });

  it("a type with a handler is handled in a transaction, never signalled", async () => {
    await publish(envelope());
    let signalled = 0;
    consume({ "ticket.created": recordEffect }, "c1", 300, 10, { "ticket.created": () => void (signalled += 1) });
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    expect([await count("ProcessedEvent"), await count("Effect"), signalled]).toEqual([1, 1, 0]);
  });

  it("acknowledges a handled entry at once, with its next read, not when that read's block ends", async () => {
    const c = startConsumer<PgTx>({
      redis: f.redis, group: "g", consumer: "c1", db: f.db, schema: SCHEMA, logger: f.logger, stream: f.stream, deadLetterStream: f.deadLetterStream,
      blockMs: 10_000, handlers: { "ticket.created": recordEffect },
    });
    running.push(c);
    await publish(envelope());
    await waitFor(async () => (await count("Effect")) === 1);
    const started = performance.now();
    await waitFor(async () => (await pendingCount()) === 0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("acknowledges the last batch when stopped right after it", async () => {
    let stopping: Promise<void> | undefined;
    const c = startConsumer<PgTx>({
      redis: f.redis, group: "g", consumer: "c1", db: f.db, schema: SCHEMA, logger: f.logger, stream: f.stream, deadLetterStream: f.deadLetterStream,
      blockMs: 100,
      handlers: {
        "ticket.created": async (event, tx) => {
          await recordEffect(event, tx);
          stopping = c.stop(); // the read that would carry this entry's ack never happens
        },
      },
    });
    await publish(envelope());
    await waitFor(() => Promise.resolve(stopping !== undefined));
    await stopping;
    expect(await count("Effect")).toBe(1);
    expect(await pendingCount()).toBe(0);
  });

  it("acknowledges events it has no handler for without touching the inbox", async () => {
    await publish(envelope());
    consume({});
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    expect(await count("ProcessedEvent")).toBe(0);
  });

  it("with lingerMs, entries that arrive while it lingers after a read are handled together, in one transaction", async () => {
    const batches = new Map<PgTx, string[]>();
    const c = startConsumer<PgTx>({
      redis: f.redis, group: "g", consumer: "c1", db: f.db, schema: SCHEMA, logger: f.logger, stream: f.stream,
      deadLetterStream: f.deadLetterStream, blockMs: 100, lingerMs: 300,
      handlers: {
        "ticket.created": async (event, tx) => {
          batches.set(tx, [...(batches.get(tx) ?? []), event.id]);
          await recordEffect(event, tx);
        },
      },
    });
    running.push(c);
    const first = envelope();
    await publish(first);
    await waitFor(async () => (await count("Effect")) === 1);
    const later = [envelope(), envelope(), envelope()];
    for (const e of later) await publish(e);
    await waitFor(async () => (await count("Effect")) === 4);
    expect([...batches.values()]).toEqual([[first.id], later.map((e) => e.id)]);
  });

  it("acknowledges an entry of a catalog type it does not handle unread: its validity is the handling groups' business", async () => {
    // Typed as a catalog event this group ignores, but not even JSON: the groups that handle ticket.assigned dead-letter it.
    await f.redis.xadd(f.stream, "*", "type", "ticket.assigned", "event", "{not json");
    await f.redis.xadd(f.stream, "*", "type", "ticket.teleported", "event", "{not json"); // not in the catalog: dead-lettered
    consume({ "ticket.created": recordEffect });
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"));
    const dead = await f.redis.xrange(f.deadLetterStream, "-", "+");
    expect(dead.map(([, fields]) => fields[fields.indexOf("event") + 1])).toEqual(["{not json"]);
    expect(dead[0]![1][dead[0]![1].indexOf("reason") + 1]).toMatch(/^malformed JSON/);
  });

  it("stop() returns within its grace period while Redis is unreachable (a command waiting for it)", async () => {
    // A client of a port nothing listens on, retrying for ever like the services' clients during an outage.
    const down = new Redis({ port: 1, maxRetriesPerRequest: null, retryStrategy: () => 50 });
    down.on("error", () => undefined);
    const c = startConsumer<PgTx>({
      redis: down, group: "g", consumer: "c1", db: f.db, schema: SCHEMA, handlers: {}, logger: f.logger, stream: f.stream, stopGraceMs: 200,
    });
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await c.stop();
    expect(performance.now() - started).toBeLessThan(1_000);
    down.disconnect();
  });

  it("keeps consuming when its Redis connection is killed (a Redis restart) and handles every event once", async () => {
    consume({ "ticket.created": recordEffect }, "c1", 200);
    const ids: string[] = [];
    let killed = 0;
    for (let round = 0; round < 10; round += 1) {
      for (let i = 0; i < 5; i += 1) {
        const event = envelope(round * 5 + i + 1);
        ids.push(event.id);
        await publish(event);
      }
      killed += await killClients("g:c1:reader");
      await new Promise((r) => setTimeout(r, 30));
    }
    await waitFor(() => groupCaughtUp(f.redis, f.stream, "g"), 20_000);
    expect(killed).toBeGreaterThanOrEqual(5);
    const { rows } = await f.pool.query<{ eventId: string }>(`SELECT "eventId" FROM ${SCHEMA}."Effect"`);
    expect(rows.map((r) => r.eventId).sort()).toEqual([...ids].sort());
  });
});

async function killClients(name: string): Promise<number> {
  let killed = 0;
  const list = (await f.redis.client("LIST")) as string;
  for (const line of list.split("\n")) {
    const id = /\bid=(\d+)/.exec(line)?.[1];
    if (id && line.includes(` name=${name} `)) killed += Number(await f.redis.client("KILL", "ID", id));
  }
  return killed;
}
