/**
 * Trimming the event stream on a real Redis: only entries every consumer group is done with (nothing before a
 * group's oldest pending entry or past what it read) and older than the retention go.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "./clock.ts";
import { trimStream } from "./stream-trim.ts";
import { createFixture, type Fixture } from "./test-fixture.ts";

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

const NOW = new Date("2026-11-25T15:00:00.000Z");
const clock = createManualClock(NOW);
const at = (secondsAgo: number) => `${NOW.getTime() - secondsAgo * 1000}-0`;
const ids = async () => (await f.redis.xrange(f.stream, "-", "+")).map(([id]) => id);

/** Six entries, 60 … 10 s old. */
async function sixEntries() {
  const added: string[] = [];
  for (const secondsAgo of [60, 50, 40, 30, 20, 10]) added.push((await f.redis.xadd(f.stream, at(secondsAgo), "event", "{}"))!);
  return added;
}

/** The group reads `read` entries and acknowledges the first `acked` of them. */
async function consume(group: string, read: number, acked: number) {
  await f.redis.xgroup("CREATE", f.stream, group, "0");
  if (read === 0) return;
  const reply = (await f.redis.xreadgroup("GROUP", group, "c1", "COUNT", read, "STREAMS", f.stream, ">")) as [string, [string, string[]][]][];
  const delivered = reply[0]![1].map(([id]) => id);
  if (acked > 0) await f.redis.xack(f.stream, group, ...delivered.slice(0, acked));
}

describe("trimStream", () => {
  it("keeps everything from a group's oldest pending entry on", async () => {
    const added = await sixEntries();
    await consume("done", 6, 6);
    await consume("slow", 4, 2); // entries 3 and 4 pending
    expect(await trimStream(f.redis, f.stream, clock, 1)).toBe(2);
    expect(await ids()).toEqual(added.slice(2));
  });

  it("keeps what a group has not read, and what is younger than the retention", async () => {
    const added = await sixEntries();
    await consume("done", 6, 6);
    await consume("behind", 3, 3); // read and acknowledged the first three; the last one read stays
    expect(await trimStream(f.redis, f.stream, clock, 1)).toBe(2);
    expect(await ids()).toEqual(added.slice(2));
    await consume("new", 0, 0); // a group that has read nothing holds everything
    expect(await trimStream(f.redis, f.stream, clock, 1)).toBe(0);
    await f.redis.xgroup("DESTROY", f.stream, "new");
    await f.redis.xgroup("DESTROY", f.stream, "behind");
    expect(await trimStream(f.redis, f.stream, clock, 35_000)).toBe(1); // only the 40 s old one is past 35 s
    expect(await ids()).toEqual(added.slice(3));
  });

  it("with no group, trims by age alone; a missing stream is nothing to do", async () => {
    const added = await sixEntries();
    expect(await trimStream(f.redis, f.stream, clock, 45_000)).toBe(2);
    expect(await ids()).toEqual(added.slice(2));
    expect(await trimStream(f.redis, `${f.stream}:none`, clock)).toBe(0);
  });
});
