/**
 * The changes one caller sees, as tRPC `tracked` events whose id is the stream entry id. A client that
 * reconnects sends the last id it got as `lastEventId`: it first gets every entry after that id (catch-up
 * from the stream), then the live ones newer than the last it was sent — so nothing is missed and nothing
 * comes twice. A new subscription (no lastEventId) starts about now: it may get a few seconds of older
 * changes first (event-stream-feed.ts, `position`).
 */
import { tracked } from "@trpc/server";
import type { UserCaller } from "@sysops/internal-auth";
import { compareStreamIds, fieldValue, type EventStreamFeed, type StreamEntry } from "./event-stream-feed.ts";
import { visibleChange } from "./ticket-change.ts";

const CATCH_UP_PAGE = 500;

export async function* ticketChangesFor(feed: EventStreamFeed, caller: UserCaller, lastEventId: string | null | undefined, signal: AbortSignal) {
  const live = feed.listen(signal);
  let last = lastEventId ?? null;

  function* visible(entries: StreamEntry[]) {
    for (const [id, fields] of entries) {
      if (last !== null && compareStreamIds(id, last) <= 0) continue;
      last = id;
      const change = visibleChange(caller, fieldValue(fields, "event"));
      if (change) yield tracked(id, change);
    }
  }

  if (last !== null) {
    for (;;) {
      const page = await feed.readAfter(last, CATCH_UP_PAGE);
      yield* visible(page);
      if (page.length < CATCH_UP_PAGE || signal.aborted) break;
    }
  }
  for await (const entries of live) yield* visible(entries);
}
