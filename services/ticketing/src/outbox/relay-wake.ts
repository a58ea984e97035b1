/**
 * Wakes this process's outbox relay right after a transaction that wrote outbox rows commits, so the event
 * reaches the stream in milliseconds instead of at the relay's next poll. Producers call
 * `outboxCommitted()` after their `$transaction` resolves (never inside it: the relay must see the
 * committed rows). The process that runs a relay registers it (`useOutboxRelay`, workers.ts), like the SLA
 * runtime; in a process without one (tests of other modules, scripts) the call does nothing and the poll
 * of a relay elsewhere publishes the rows.
 *
 * Decision: an in-process call instead of PostgreSQL NOTIFY, which serialized every NOTIFYing commit
 * cluster-wide (migration outbox_drop_commit_notify has the numbers).
 */
import type { OutboxRelay } from "@sysops/events/relay";

type Wakeable = Pick<OutboxRelay, "wake">;

const relays = new Set<Wakeable>();

/** Registers a running relay; the returned function unregisters it (call it when the relay stops). */
export function useOutboxRelay(relay: Wakeable): () => void {
  relays.add(relay);
  return () => relays.delete(relay);
}

/** After commit: the rows just written are there to publish. Never throws. */
export function outboxCommitted(): void {
  for (const relay of relays) relay.wake();
}
