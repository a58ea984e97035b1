/**
 * Handles one stream entry for a consumer group: dead-letters what cannot be decoded or validated, runs
 * the handler with the inbox insert in ONE transaction, and acknowledges only after that commit.
 */
import type { Redis } from "ioredis";
import type { Logger } from "@sysops/logger";
import { decodeEvent, type AnyEvent, type EventOfType, type EventType } from "./catalog.ts";
import { recordProcessed, type InboxTransaction, type TransactionalDb } from "./inbox.ts";
import { fieldValue } from "./stream-entries.ts";

export type EventHandlers<Tx> = { [T in EventType]?: (event: EventOfType<T>, tx: Tx) => Promise<void> };

export interface EntryProcessorOptions<Tx extends InboxTransaction> {
  redis: Redis;
  stream: string;
  group: string;
  consumer: string;
  deadLetterStream: string;
  db: TransactionalDb<Tx>;
  schema: string;
  handlers: EventHandlers<Tx>;
  logger: Logger;
}

export type EntryOutcome = "handled" | "duplicate" | "ignored" | "dead-lettered" | "failed";

export function createEntryProcessor<Tx extends InboxTransaction>(options: EntryProcessorOptions<Tx>) {
  const { redis, stream, group, consumer, deadLetterStream, db, schema, handlers, logger } = options;

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

  async function process(id: string, fields: string[]): Promise<EntryOutcome> {
    const raw = fieldValue(fields, "event");
    const parsed = raw === undefined ? { ok: false as const, reason: "entry has no `event` field" } : decodeEvent(raw);
    if (!parsed.ok) {
      await deadLetter(id, fields, parsed.reason);
      return "dead-lettered";
    }
    const event = parsed.event;
    const handler = handlers[event.type] as ((event: AnyEvent, tx: Tx) => Promise<void>) | undefined;
    if (!handler) {
      await redis.xack(stream, group, id);
      return "ignored";
    }
    let outcome: EntryOutcome;
    try {
      outcome = await db.$transaction(async (tx) => {
        if (!(await recordProcessed(tx, schema, event.id, group))) return "duplicate";
        await handler(event, tx);
        return "handled";
      });
    } catch (error) {
      // Not acknowledged: the entry stays pending and is retried once it has been idle for claimIdleMs.
      logger.error({ err: error, stream, group, entryId: id, eventId: event.id, type: event.type }, "event consumer: handler failed");
      return "failed";
    }
    await redis.xack(stream, group, id);
    return outcome;
  }

  return { process, deadLetter };
}
