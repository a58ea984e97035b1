/**
 * One reader of the Redis event stream per BFF process, fanned out to every live subscription in it.
 * It reads only while somebody listens: with no subscription open the process does not wake for every event of
 * the suite (at 100 tickets/s that was ~300 wake-ups a second, about 1 ms of CPU per ticket, for nobody).
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
  /** New entries (see `position` for where a first listener starts), until `signal` aborts or the feed stops. */
  listen(signal: AbortSignal): AsyncIterableIterator<StreamEntry[]>;
  /** Up to `count` entries after `id` (exclusive), oldest first. */
  readAfter(id: string, count: number): Promise<StreamEntry[]>;
  /** Ends every `listen` (so open streams finish and their clients reconnect elsewhere), then the XREAD loop. */
  stop(): Promise<void>;
}

const ENTRIES = "entries";
const RESTART_LOOKBACK_MS = 2_000;
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

export function startEventStreamFeed(opts: EventStreamFeedOptions): EventStreamFeed {
  const { blocking, reader, stream, logger } = opts;
  const blockMs = opts.blockMs ?? 5_000;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let stopped = false;
  let lastId = "0-0";
  /** The XREAD loop while somebody listens; null while nobody does. */
  let reading: Promise<void> | null = null;

  const listening = () => emitter.listenerCount(ENTRIES) > 0;

  /**
   * Where a first listener after a quiet time starts: `RESTART_LOOKBACK_MS` before the stream's newest entry.
   * An entry may reach Redis after `listen` was called but before this XREVRANGE does (tRPC tells the browser its
   * stream is open before the generator runs), so starting at the newest entry could skip it; the look-back
   * includes it. A new listener may therefore get a few seconds of older changes (the browser refetches what it
   * shows: harmless); a resuming one catches up on this same connection after this command (`readAfter`, in
   * order) and skips the ids it has.
   */
  async function position(): Promise<void> {
    for (let failures = 0; !stopped; failures++) {
      try {
        const newest = (await reader.xrevrange(stream, "+", "-", "COUNT", 1)) as StreamEntry[];
        const newestMs = Number(newest[0]?.[0].split("-")[0] ?? 0);
        lastId = `${Math.max(0, newestMs - RESTART_LOOKBACK_MS)}-0`;
        return;
      } catch (error) {
        logger.warn({ err: error, stream, failures }, "live feed: could not read the stream's newest entry, retrying");
        await sleep(Math.min(5_000, 200 * 2 ** failures));
      }
    }
  }

  /** Reads until nobody listens any more (checked after each XREAD: at most one more wake-up after the last leaves). */
  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopped && listening()) {
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

  /**
   * `fromNewest`: a first listener after a quiet time (see `position`). A listener that came while the loop was winding down
   * (it had just found nobody listening) has the loop go on from where it stopped instead: no gap for it either.
   */
  function startReading(fromNewest: boolean): void {
    if (reading || stopped) return;
    reading = (fromNewest ? position() : Promise.resolve()).then(loop).finally(() => {
      reading = null;
      if (listening()) startReading(false);
    });
  }

  return {
    listen(signal) {
      // `on` starts buffering here, not at the first `next()`: nothing between this call and the catch-up is lost.
      const events = on(emitter, ENTRIES, { signal, close: [STOPPED] });
      startReading(true);
      return (async function* () {
        try {
          for await (const [batch] of events) yield batch as StreamEntry[];
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
      await reading;
    },
  };
}
