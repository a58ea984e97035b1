/**
 * "No side effect happened twice" after a burst, checked in the suite's own tables and Redis stream:
 * - ticketing's outbox: one `ticket.created` per ticket a caller got a 2xx for, never two for any ticket of
 *   the burst; at most one `ticket.assigned`;
 * - transitions: one creation transition per 2xx ticket, and no (from → to) row twice for any ticket (nothing
 *   in these tests rejects or reopens, so every real transition happens once);
 * - assignments: at most one active per ticket, exactly one for an assigned ticket;
 * - the events reached their consumers exactly once: every `ticket.created` of a 2xx ticket is in ticketing's
 *   inbox, every `ticket.assigned`/`ticket.status_changed` of the burst in notification's inbox;
 * - the stream holds every `ticket.created` of a 2xx ticket at least once. The relay is at-least-once by
 *   design (a crash between XADD and its commit publishes a row again), so a duplicate stream entry is
 *   allowed and counted; the inboxes above are what keep its effects single.
 * Returns the figures worth printing.
 */
import { expect } from "@playwright/test";
import { Redis } from "ioredis";
import type pg from "pg";
import { deliveryKey, type Delivery, type RecordedMessage } from "./notification-sinks.ts";
import { sideEffectCounts } from "./ticket-ledger.ts";
import { suiteEnv } from "./suite-env.ts";

/** Ids whose count is not in the allowed range (absent counts as 0). */
export const outside = (counts: Map<string, number>, ids: string[], min: number, max: number) =>
  ids.filter((id) => (counts.get(id) ?? 0) < min || (counts.get(id) ?? 0) > max);

const STREAM = "sysops:events";

interface OutboxEventRow {
  id: string;
  type: string;
  aggregateId: string;
}

async function outboxEventsOf(db: pg.Client, ids: string[]): Promise<OutboxEventRow[]> {
  const { rows } = await db.query<OutboxEventRow>(
    `SELECT id::text, type, "aggregateId"::text FROM ticketing."OutboxEvent" WHERE "aggregateId" = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}

/** How many inbox rows of a service's consumer group (group = schema = service name here) name each event id. */
async function inboxCounts(db: pg.Client, group: "notification", eventIds: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ id: string; n: string }>(
    `SELECT "eventId"::text AS id, count(*) AS n FROM ${group}."ProcessedEvent"
      WHERE "consumerGroup" = $2 AND "eventId" = ANY($1::uuid[]) GROUP BY 1`,
    [eventIds, group],
  );
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/**
 * What ticketing's consumer group has not finished with: entries not yet delivered to it (`lag`) plus entries
 * delivered but not acknowledged (`pending`). Ticketing takes `ticket.created` as a signal (it triggers
 * matching; no transaction, no inbox row), so its progress is read from the stream group, not its inbox.
 */
async function ticketingGroupBacklog(): Promise<number> {
  const redis = new Redis(suiteEnv.redisUrl, { maxRetriesPerRequest: 3 });
  redis.on("error", () => {});
  try {
    const groups = (await redis.xinfo("GROUPS", STREAM)) as unknown[][];
    for (const flat of groups) {
      const info = new Map<string, unknown>();
      for (let i = 0; i < flat.length; i += 2) info.set(String(flat[i]), flat[i + 1]);
      if (info.get("name") !== "ticketing") continue;
      const pending = Number(info.get("pending") ?? 0);
      const lag = info.get("lag");
      if (lag !== null && lag !== undefined) return pending + Number(lag);
      // Redis cannot always count the lag (e.g. after entries were deleted): compare the last ids instead.
      const stream = (await redis.xinfo("STREAM", STREAM)) as unknown[];
      const lastGenerated = stream[stream.indexOf("last-generated-id") + 1];
      return pending + (info.get("last-delivered-id") === lastGenerated ? 0 : 1);
    }
    throw new Error("ticketing's consumer group is not on the stream");
  } finally {
    redis.disconnect();
  }
}

/** Stream entries per event id (the entry's `event` field is the JSON envelope with the outbox row's id). */
async function streamCounts(eventIds: Set<string>): Promise<Map<string, number>> {
  const redis = new Redis(suiteEnv.redisUrl, { maxRetriesPerRequest: 3 });
  redis.on("error", () => {});
  const counts = new Map<string, number>();
  try {
    let start = "-";
    for (;;) {
      const entries = await redis.xrange(STREAM, start, "+", "COUNT", 5_000);
      for (const [, fields] of entries) {
        const raw = fields[fields.indexOf("event") + 1];
        const id = raw ? (JSON.parse(raw) as { id: string }).id : undefined;
        if (id && eventIds.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      if (entries.length < 5_000) return counts;
      start = `(${entries.at(-1)![0]}`;
    }
  } finally {
    redis.disconnect();
  }
}

async function repeatedTransitions(db: pg.Client, ids: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string; step: string; n: string }>(
    `SELECT "ticketId"::text AS id, coalesce("fromStatus"::text, '∅') || '→' || "toStatus"::text AS step, count(*) AS n
       FROM ticketing."TicketTransition" WHERE "ticketId" = ANY($1::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1`,
    [ids],
  );
  return rows.map((r) => `${r.id} ${r.step} ×${r.n}`);
}

/** The burst's events each consumer must process: ticket.created of 2xx tickets (ticketing), and every
 * ticket.assigned / ticket.status_changed of the burst (notification). */
export async function burstEvents(db: pg.Client, ok: string[], all: string[]) {
  const okSet = new Set(ok);
  const events = await outboxEventsOf(db, all);
  return {
    createdOfOk: events.filter((e) => e.type === "ticket.created" && okSet.has(e.aggregateId)).map((e) => e.id),
    forNotification: events.filter((e) => e.type === "ticket.assigned" || e.type === "ticket.status_changed").map((e) => e.id),
  };
}

/** Events of the burst not yet in their consumer's inbox (consumption lags behind the ticket's status). */
export async function unconsumedEvents(db: pg.Client, ok: string[], all: string[]): Promise<number> {
  const { forNotification } = await burstEvents(db, ok, all);
  const notificationInbox = await inboxCounts(db, "notification", forNotification);
  return (await ticketingGroupBacklog()) + outside(notificationInbox, forNotification, 1, Number.MAX_SAFE_INTEGER).length;
}

export async function expectNoSideEffectTwice(db: pg.Client, burst: { ok: string[]; all: string[]; statuses: Map<string, string> }) {
  const { ok, all } = burst;
  const effects = await sideEffectCounts(db, all);
  expect(outside(effects.createdEvents, ok, 1, 1), "one ticket.created outbox row per 2xx ticket").toEqual([]);
  expect(outside(effects.creationTransitions, ok, 1, 1), "one creation transition per 2xx ticket").toEqual([]);
  expect(outside(effects.createdEvents, all, 0, 1), "no ticket.created twice").toEqual([]);
  expect(outside(effects.activeAssignments, all, 0, 1), "at most one active assignment per ticket").toEqual([]);
  expect(outside(effects.assignedEvents, all, 0, 1), "no ticket.assigned twice").toEqual([]);
  expect(await repeatedTransitions(db, all), "no transition recorded twice").toEqual([]);
  const assignedIds = ok.filter((id) => burst.statuses.get(id) === "assigned");
  expect(outside(effects.activeAssignments, assignedIds, 1, 1), "an assigned ticket has its active assignment").toEqual([]);

  const { createdOfOk, forNotification } = await burstEvents(db, ok, all);
  expect(await ticketingGroupBacklog(), "ticketing's consumer group read and acknowledged every entry").toBe(0);
  const notificationInbox = await inboxCounts(db, "notification", forNotification);
  expect(outside(notificationInbox, forNotification, 1, 1), "notification consumed every ticket.assigned/status_changed, once").toEqual([]);

  const inStream = await streamCounts(new Set(createdOfOk));
  expect(outside(inStream, createdOfOk, 1, Number.MAX_SAFE_INTEGER), "every ticket.created of a 2xx ticket reached the stream").toEqual([]);
  return {
    eventsConsumedByNotification: forNotification.length,
    createdEventsRepublishedToStream: [...inStream.values()].filter((n) => n > 1).length,
  };
}

/**
 * Every message svc-notification recorded for the burst's events was delivered to its sink exactly once:
 * none lost, none doubled (a send retried after it had in fact gone out would show twice).
 */
export function expectEveryNotificationOnce(recorded: RecordedMessage[], delivered: Delivery[]) {
  expect(recorded.filter((m) => m.status !== "sent").map(deliveryKey), "every recorded message was sent").toEqual([]);
  const deliveries = new Map<string, number>();
  for (const d of delivered) deliveries.set(deliveryKey(d), (deliveries.get(deliveryKey(d)) ?? 0) + 1);
  const keys = recorded.map(deliveryKey);
  expect(keys.length, "one recorded message per event, kind and recipient").toBe(new Set(keys).size);
  expect(outside(deliveries, keys, 1, 1), "each message reached its sink exactly once").toEqual([]);
  return { notificationsDelivered: keys.length };
}
