/**
 * One reader of the Redis event stream per BFF process, fanned out to every live subscription in it.
 *
 * Plain `XREAD BLOCK` from the last id it saw, not a consumer group: every BFF instance must see every event
 * (a group would split them between instances). A subscription resuming after a lost connection reads what
 * it missed with `XRANGE (lastEventId +` (`readAfter`), then continues with the live entries newer than the
 * last one it sent — see ticket-changes.ts. One blocking connection per process, not per browser tab.
 */
import { EventEmitter, on } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import type { Logger } from "@sysops/logger";

export type StreamEntry = [id: string, fields: string[]];
type XReadReply = [stream: string, entries: StreamEntry[]][] | null;

export interface EventStreamFeedOptions {
  /** Used for XREAD BLOCK only (a blocked connection can do nothing else); the feed closes it on stop. */
  blocking: Redis;
  /** For XRANGE/XREVRANGE; shared, not closed by the feed. */
  reader: Redis;
  stream: string;
  logger: Logger;
  blockMs?: number;
}

export interface EventStreamFeed {
  /** New entries from now on (buffered from the call), until `signal` aborts or the feed stops. */
  listen(signal: AbortSignal): AsyncIterableIterator<StreamEntry[]>;
  /** Up to `count` entries after `id` (exclusive), oldest first. */
  readAfter(id: string, count: number): Promise<StreamEntry[]>;
  /** Ends every `listen` (so open streams finish and their clients reconnect elsewhere), then the XREAD loop. */
  stop(): Promise<void>;
}

const ENTRIES = "entries";
const STOPPED = "stopped";

export function fieldValue(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

/** Stream ids are `<ms>-<seq>`; compares them numerically. */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0n, as = 0n] = a.split("-").map(BigInt);
  const [bm = 0n, bs = 0n] = b.split("-").map(BigInt);
  if (am !== bm) return am < bm ? -1 : 1;
  return as === bs ? 0 : as < bs ? -1 : 1;
}

export async function startEventStreamFeed(opts: EventStreamFeedOptions): Promise<EventStreamFeed> {
  const { blocking, reader, stream, logger } = opts;
  const blockMs = opts.blockMs ?? 5_000;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let stopped = false;

  // Start after the newest entry that exists now ("$" in every loop would skip entries added between two XREADs).
  const newest = (await reader.xrevrange(stream, "+", "-", "COUNT", 1)) as StreamEntry[];
  let lastId = newest[0]?.[0] ?? "0-0";

  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      try {
        const reply: XReadReply = await blocking.xread("BLOCK", blockMs, "STREAMS", stream, lastId);
        failures = 0;
        const entries = reply?.[0]?.[1] ?? [];
        const last = entries.at(-1);
        if (last) {
          lastId = last[0];
          emitter.emit(ENTRIES, entries);
        }
      } catch (error) {
        if (stopped) return;
        failures += 1;
        logger.warn({ err: error, stream, failures }, "live feed: XREAD failed, retrying");
        await sleep(Math.min(5_000, 200 * 2 ** failures));
      }
    }
  }
  const running = loop();

  return {
    listen(signal) {
      // `on` starts buffering here, not at the first `next()`: nothing between this call and the catch-up is lost.
      const events = on(emitter, ENTRIES, { signal, close: [STOPPED] });
      return (async function* () {
        try {
          for await (const [entries] of events) yield entries as StreamEntry[];
        } catch (error) {
          if (!signal.aborted) throw error;
        }
      })();
    },
    readAfter: (id, count) => reader.xrange(stream, `(${id}`, "+", "COUNT", count),
    async stop() {
      stopped = true;
      emitter.emit(STOPPED);
      blocking.disconnect();
      await running;
    },
  };
}
