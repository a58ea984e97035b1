/**
 * Event consumer: reads the stream in a consumer group, hands each batch read to the entry processor
 * (validate → one transaction with the inbox inserts + handlers → XACK after commit, sent with the next read), and reclaims entries left pending too long
 * by dead consumers (XAUTOCLAIM), dead-lettering those delivered more than `maxDeliveries` times.
 * @see https://redis.io/docs/latest/develop/data-types/streams/#consumer-groups
 */
import type { Redis } from "ioredis";
import type { Logger } from "@sysops/logger";
import { createEntryProcessor, type EventHandlers, type EventSignals } from "./entry-processor.ts";
import type { InboxTransaction, TransactionalDb } from "./inbox.ts";
import { DEFAULT_STREAM } from "./relay.ts";
import { backoffMs, createSleeper } from "./sleeper.ts";
import type { AutoClaimReply, PendingReply, ReadGroupReply } from "./stream-entries.ts";

export type { EventHandlers, EventSignals } from "./entry-processor.ts";
export type { InboxTransaction, TransactionalDb } from "./inbox.ts";

export const DEFAULT_DEAD_LETTER_STREAM = "sysops:events:dead";

export interface ConsumerOptions<Tx extends InboxTransaction> {
  redis: Redis;
  /** The logical consumer (one per service and purpose); also the `consumerGroup` of its inbox rows. */
  group: string;
  /** This process's name within the group (unique per process, e.g. `ticketing-<pid>`). */
  consumer: string;
  /** The service's PrismaClient. */
  db: TransactionalDb<Tx>;
  /** The service's PostgreSQL schema holding its `ProcessedEvent` table. */
  schema: string;
  handlers: EventHandlers<Tx>;
  /** Events that only trigger something in this process: no transaction, no inbox (see `EventSignals`). */
  signals?: EventSignals;
  logger: Logger;
  stream?: string;
  /** Entries pending longer than this (a dead consumer's, or a failed handler's) are claimed and retried. */
  claimIdleMs?: number;
  deadLetterStream?: string;
  /** A new group starts from this stream id: "0" (default) replays the stream's history, "$" only new entries. */
  startId?: string;
  batchSize?: number;
  blockMs?: number;
  /** An entry delivered more often than this goes to the dead-letter stream instead of being retried. */
  maxDeliveries?: number;
  /**
   * After a read that did not fill a batch, wait this long before the next one (default 0), so that entries
   * arriving meanwhile are read together: one wake-up of this process for several events instead of one each.
   * What it costs is up to this much latency per event; worth it where an event only starts batched work anyway.
   */
  lingerMs?: number;
  /**
   * How long `stop()` waits for the loop to finish what it is doing (default 5 s). While Redis is down a command
   * waits for it to come back (`maxRetriesPerRequest: null`); past this, stop() returns anyway. Nothing is
   * lost: an entry is acknowledged only after its transaction committed, so an unfinished one stays pending
   * and is reclaimed.
   */
  stopGraceMs?: number;
}

export interface EventConsumer {
  stop(): Promise<void>;
}

export function startConsumer<Tx extends InboxTransaction>(options: ConsumerOptions<Tx>): EventConsumer {
  const { redis, group, consumer, logger } = options;
  const stream = options.stream ?? DEFAULT_STREAM;
  const claimIdleMs = options.claimIdleMs ?? 30_000;
  const batchSize = options.batchSize ?? 50;
  const blockMs = options.blockMs ?? 1_000;
  const maxDeliveries = options.maxDeliveries ?? 10;
  const lingerMs = options.lingerMs ?? 0;
  const processor = createEntryProcessor({
    ...options,
    stream,
    deadLetterStream: options.deadLetterStream ?? DEFAULT_DEAD_LETTER_STREAM,
  });
  // Blocking reads get their own connection so they never hold up acks and dead-letter writes.
  const reader = redis.duplicate({ connectionName: `${group}:${consumer}:reader` });
  // A duplicate has none of the caller's listeners. Without one, every failed reconnect while Redis is down
  // (a restart) is printed raw to stderr as "[ioredis] Unhandled error event", outside the structured log.
  reader.on("error", (error: Error) => logger.warn({ err: error, stream, group }, "event consumer: reader connection error"));
  const sleeper = createSleeper();
  let stopped = false;

  async function ensureGroup(): Promise<void> {
    try {
      await redis.xgroup("CREATE", stream, group, options.startId ?? "0", "MKSTREAM");
    } catch (error) {
      if (!String(error).includes("BUSYGROUP")) throw error;
    }
  }


  /** Claims entries idle ≥ claimIdleMs from any consumer of the group (this one included: failed handlers). */
  async function reclaim(): Promise<void> {
    let cursor = "0-0";
    do {
      const reply = (await redis.xautoclaim(stream, group, consumer, claimIdleMs, cursor, "COUNT", batchSize)) as AutoClaimReply;
      cursor = reply[0];
      for (const entry of reply[1]) {
        if (stopped) return;
        if (!entry) continue;
        const [id, fields] = entry;
        const pending = (await redis.xpending(stream, group, id, id, 1)) as PendingReply;
        const deliveries = pending[0]?.[3] ?? 0;
        if (deliveries > maxDeliveries) await processor.deadLetter(id, fields, `handler failed: gave up after ${deliveries - 1} deliveries`);
        else await processor.process(id, fields);
      }
    } while (cursor !== "0-0" && !stopped);
  }

  /**
   * The next batch, with the XACK of the last one in the same pipeline (one write, one round trip).
   * Decision: acknowledging each batch on its own cost a Redis round trip per entry at moderate rates, where
   * most batches hold one entry; the ack now leaves with the read that follows it anyway.
   */
  async function read(cursor: string, acks: string[]): Promise<ReadGroupReply> {
    const args = ["GROUP", group, consumer, "COUNT", batchSize, "BLOCK", blockMs, "STREAMS", stream, cursor] as const;
    if (acks.length === 0) return (await reader.xreadgroup(...args)) as ReadGroupReply;
    const results = await reader.pipeline().xack(stream, group, ...acks).xreadgroup(...args).exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error("XACK + XREADGROUP pipeline returned nothing");
    return results[1]![1] as ReadGroupReply;
  }

  async function loop(): Promise<void> {
    let failures = 0;
    let nextClaimAt = 0;
    // First this consumer's own pending entries from a previous run (ids after `ownCursor`), then new ones.
    let ownCursor: string | undefined = "0";
    // Done with, not acknowledged yet: sent with the next read (kept until a read succeeded; XACK is idempotent).
    let acks: string[] = [];
    while (!stopped) {
      try {
        if (failures > 0 || ownCursor === "0") await ensureGroup();
        if (Date.now() >= nextClaimAt) {
          await reclaim();
          nextClaimAt = Date.now() + Math.max(100, Math.floor(claimIdleMs / 2));
        }
        const reply = await read(ownCursor ?? ">", acks);
        acks = [];
        const entries = reply?.[0]?.[1] ?? [];
        if (ownCursor !== undefined) ownCursor = entries.at(-1)?.[0];
        if (entries.length > 0 && !stopped) acks = await processor.processBatch(entries);
        failures = 0;
        if (lingerMs > 0 && entries.length > 0 && entries.length < batchSize && !stopped) await sleeper.sleep(lingerMs);
      } catch (error) {
        if (stopped) break;
        failures += 1;
        logger.warn({ err: error, stream, group, failures }, "event consumer: read failed, retrying");
        await sleeper.sleep(backoffMs(failures));
      }
    }
    // Stopping (the reader is disconnected): the last batch's acks go over the other connection.
    if (acks.length > 0) {
      await redis.xack(stream, group, ...acks).catch((error: unknown) => logger.warn({ err: error, stream, group }, "event consumer: last acks not sent; those entries will be redelivered"));
    }
  }

  const running = loop();
  return {
    async stop() {
      stopped = true;
      sleeper.wake();
      reader.disconnect();
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = await Promise.race([
        running.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), options.stopGraceMs ?? 5_000);
        }),
      ]);
      clearTimeout(timer);
      if (gaveUp) logger.warn({ stream, group }, "event consumer: stopped while a Redis command was still waiting (Redis unreachable?); unacknowledged entries stay pending");
    },
  };
}
