/**
 * Stream trimming: removes entries of the event stream that every consumer group is done with and that are
 * older than the retention. Without it the stream (in Redis memory) grows with every event ever published.
 *
 * "Done with" per group: entries before its oldest pending entry (delivered, not yet acknowledged: it may
 * still be retried or claimed), or, with nothing pending, entries up to its last delivered one. Entries a group
 * has not read yet are never trimmed, so a consumer that is down keeps its backlog. The retention keeps recent
 * history for readers without a group (the live-update streams resume from a `lastEventId`; one older than
 * the first kept entry resumes from the oldest one). A group nobody reads any more holds trimming back: drop it
 * with `XGROUP DESTROY`.
 * @see https://redis.io/docs/latest/commands/xtrim/
 */
import type { Redis } from "ioredis";
import type { Clock } from "./clock.ts";

export const DEFAULT_STREAM_RETENTION_MS = 24 * 60 * 60 * 1000;

type StreamId = [number, number];
const parseId = (id: string): StreamId => {
  const [ms, seq] = id.split("-");
  return [Number(ms), Number(seq ?? 0)];
};
const before = (a: StreamId, b: StreamId) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
/** XINFO GROUPS gives each group as a flat [name, value, …] list; the fields used here are strings. */
const fieldsOf = (flat: unknown[]) => {
  const info = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const value = flat[i + 1];
    info.set(String(flat[i]), typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
  }
  return info;
};

/** The id below which every group is done with the stream. */
async function groupsDoneBefore(redis: Redis, stream: string): Promise<StreamId | "no groups"> {
  const groups = (await redis.xinfo("GROUPS", stream)) as unknown[][];
  if (groups.length === 0) return "no groups";
  let bound: StreamId = [Number.MAX_SAFE_INTEGER, 0];
  for (const flat of groups) {
    const info = fieldsOf(flat);
    const name = info.get("name") ?? "";
    const pending = (await redis.xpending(stream, name)) as [number, string | null, string | null, unknown];
    const groupBound = pending[0] > 0 && pending[1] ? parseId(pending[1]) : parseId(info.get("last-delivered-id") ?? "0-0");
    if (before(groupBound, bound)) bound = groupBound;
  }
  return bound;
}

/** Trims the stream (see the module comment); returns how many entries it removed. */
export async function trimStream(redis: Redis, stream: string, clock: Clock, retentionMs = DEFAULT_STREAM_RETENTION_MS): Promise<number> {
  if ((await redis.exists(stream)) === 0) return 0;
  const byAge: StreamId = [clock.now().getTime() - retentionMs, 0];
  const byGroups = await groupsDoneBefore(redis, stream);
  const threshold = byGroups === "no groups" || before(byAge, byGroups) ? byAge : byGroups;
  return redis.xtrim(stream, "MINID", `${threshold[0]}-${threshold[1]}`);
}
