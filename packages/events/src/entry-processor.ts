/**
 * Handles stream entries for a consumer group: dead-letters what cannot be decoded or validated, runs the
 * handlers with their inbox inserts in ONE transaction, and acknowledges only after that commit.
 *
 * A batch read together (`processBatch`) shares one transaction (its inbox rows in one insert), in stream
 * order, and one XACK (sent with the consumer's next read): a lagging consumer then pays one commit per batch instead of one per entry, which is
 * what lets it catch up (at 100 tickets/s ticketing's group sees a few hundred entries per second). If any handler of the batch throws,
 * the whole transaction rolls back and the batch is redone entry by entry (`process`), so a failing entry is
 * isolated and retried alone while the others commit. A batch of one is exactly `process`.
 */
import type { Redis } from "ioredis";
import type { Logger } from "@sysops/logger";
import { catalog, decodeEvent, type AnyEvent, type EventOfType, type EventType } from "./catalog.ts";
import { recordProcessed, recordProcessedMany, type InboxTransaction, type TransactionalDb } from "./inbox.ts";
import { fieldValue, type StreamEntry } from "./stream-entries.ts";

export type EventHandlers<Tx> = { [T in EventType]?: (event: EventOfType<T>, tx: Tx) => Promise<void> };

/**
 * Callbacks for events that only tell the process something happened and change nothing themselves (e.g.
 * "run matching soon"). They run without a transaction or an inbox row, and the entry is acknowledged once
 * the callback returns; a redelivered entry calls it again, so a signal must be harmless to repeat.
 * Decision: an inbox row proves an effect happened once; a signal has no effect to prove, and the
 * transaction per event cost the ticketing worker ~0.5 ms of CPU per ticket filed for nothing.
 */
export type EventSignals = { [T in EventType]?: (event: EventOfType<T>) => void };

export interface EntryProcessorOptions<Tx extends InboxTransaction> {
  redis: Redis;
  stream: string;
  group: string;
  consumer: string;
  deadLetterStream: string;
  db: TransactionalDb<Tx>;
  schema: string;
  handlers: EventHandlers<Tx>;
  /** Types with a handler are handled, never signalled. */
  signals?: EventSignals;
  logger: Logger;
}

/** Every type in the catalog: an entry of one this group neither handles nor signals is acknowledged unread. */
const CATALOG_TYPES: ReadonlySet<string> = new Set(catalog.map((d) => d.type));

export type EntryOutcome = "handled" | "duplicate" | "signalled" | "ignored" | "dead-lettered" | "failed";

export function createEntryProcessor<Tx extends InboxTransaction>(options: EntryProcessorOptions<Tx>) {
  const { redis, stream, group, consumer, deadLetterStream, db, schema, handlers, logger } = options;
  const signals = options.signals ?? {};

  /** Dead-letter entry and ack in one MULTI, so a bad entry is neither lost nor redelivered. */
  async function deadLetter(id: string, fields: string[], reason: string): Promise<void> {
    logger.warn({ stream, group, entryId: id, reason }, "event consumer: dead-lettering entry");
    const raw = fieldValue(fields, "event") ?? JSON.stringify(fields);
    const result = await redis
      .multi()
      .xadd(deadLetterStream, "*", "reason", reason, "sourceStream", stream, "sourceId", id, "group", group, "consumer", consumer, "event", raw)
      .xack(stream, group, id)
      .exec();
    const failed = result?.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  type Handler = (event: AnyEvent, tx: Tx) => Promise<void>;
  type Signal = (event: AnyEvent) => void;
  type Decoded = { kind: "dead"; reason: string } | { kind: "ignored" } | { kind: "signal"; event: AnyEvent; signal: Signal } | { kind: "handle"; event: AnyEvent; handler: Handler };

  /**
   * An entry whose `type` field names a catalog event this group does not care about is ignored without being
   * parsed (most of the suite's events are of no interest to most groups, e.g. every `ticket.created` to
   * notification); the groups that handle the type validate it (and dead-letter it if it is bad). Anything
   * else (no or an unknown type field) is decoded, so a bad entry is still dead-lettered.
   */
  function decode(fields: string[]): Decoded {
    const type = fieldValue(fields, "type");
    if (type !== undefined && CATALOG_TYPES.has(type) && !handlers[type as EventType] && !signals[type as EventType]) return { kind: "ignored" };
    const raw = fieldValue(fields, "event");
    const parsed = raw === undefined ? { ok: false as const, reason: "entry has no `event` field" } : decodeEvent(raw);
    if (!parsed.ok) return { kind: "dead", reason: parsed.reason };
    const handler = handlers[parsed.event.type] as Handler | undefined;
    if (handler) return { kind: "handle", event: parsed.event, handler };
    const signal = signals[parsed.event.type] as Signal | undefined;
    return signal ? { kind: "signal", event: parsed.event, signal } : { kind: "ignored" };
  }

  /** The inbox insert and the handler; false when this group already processed the event. */
  async function runHandler(tx: Tx, event: AnyEvent, handler: Handler): Promise<boolean> {
    if (!(await recordProcessed(tx, schema, event.id, group))) return false;
    await handler(event, tx);
    return true;
  }

  /** The handler in its transaction; "failed" leaves the entry pending (retried once idle for claimIdleMs). */
  async function handleOne(id: string, event: AnyEvent, handler: Handler): Promise<EntryOutcome> {
    try {
      return (await db.$transaction((tx) => runHandler(tx, event, handler))) ? "handled" : "duplicate";
    } catch (error) {
      logger.error({ err: error, stream, group, entryId: id, eventId: event.id, type: event.type }, "event consumer: handler failed");
      return "failed";
    }
  }

  /** One entry, not acknowledged yet (except a dead-lettered one: that is moved and acknowledged in one MULTI). */
  async function settle(id: string, fields: string[]): Promise<EntryOutcome> {
    const decoded = decode(fields);
    if (decoded.kind === "dead") {
      await deadLetter(id, fields, decoded.reason);
      return "dead-lettered";
    }
    if (decoded.kind === "signal") {
      decoded.signal(decoded.event);
      return "signalled";
    }
    if (decoded.kind === "ignored") return "ignored";
    return handleOne(id, decoded.event, decoded.handler);
  }

  /** Whether the caller acknowledges an entry that ended so. */
  const toAck = (outcome: EntryOutcome) => outcome !== "failed" && outcome !== "dead-lettered";

  /** One entry, acknowledged at once when done (reclaimed entries). */
  async function process(id: string, fields: string[]): Promise<EntryOutcome> {
    const outcome = await settle(id, fields);
    if (toAck(outcome)) await redis.xack(stream, group, id);
    return outcome;
  }

  /**
   * Entries read together: one transaction for all of them (see the module comment). Returns the ids the
   * caller acknowledges; it sends them with its next read (consumer.ts), so acknowledging costs no round trip
   * of its own. They are acknowledged after the commit all the same; a crash before that redelivers them,
   * and the inbox (or a signal's harmlessness) makes that a no-op.
   */
  async function processBatch(entries: StreamEntry[]): Promise<string[]> {
    if (entries.length === 1) {
      const [id, fields] = entries[0]!;
      return toAck(await settle(id, fields)) ? [id] : [];
    }
    const ack: string[] = [];
    const work: { id: string; event: AnyEvent; handler: Handler }[] = [];
    const signalled: { id: string; event: AnyEvent; signal: Signal }[] = [];
    for (const [id, fields] of entries) {
      const decoded = decode(fields);
      if (decoded.kind === "dead") await deadLetter(id, fields, decoded.reason);
      else if (decoded.kind === "ignored") ack.push(id);
      else if (decoded.kind === "signal") signalled.push({ id, event: decoded.event, signal: decoded.signal });
      else work.push({ id, event: decoded.event, handler: decoded.handler });
    }
    if (work.length > 0) {
      try {
        await db.$transaction(async (tx) => {
          const fresh = await recordProcessedMany(tx, schema, work.map((w) => w.event.id), group);
          // In stream order; `delete` makes an event that appears twice in the batch run once. PostgreSQL
          // returns uuids in lower case; an envelope may carry upper case.
          for (const { event, handler } of work) if (fresh.delete(event.id.toLowerCase())) await handler(event, tx);
        });
        ack.push(...work.map((w) => w.id));
      } catch (error) {
        logger.warn({ err: error, stream, group, entries: work.length }, "event consumer: batch failed, processing its entries one by one");
        for (const { id, event, handler } of work) if (toAck(await handleOne(id, event, handler))) ack.push(id);
      }
    }
    // Signals after the batch's transaction, so what they trigger sees its effects (e.g. a projection row).
    for (const { id, event, signal } of signalled) {
      signal(event);
      ack.push(id);
    }
    return ack;
  }

  return { process, processBatch, deadLetter };
}
