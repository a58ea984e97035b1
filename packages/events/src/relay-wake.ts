/**
 * Hands the outbox rows a transaction just wrote to this process's relay right after it commits, so the event
 * reaches the stream in milliseconds instead of at a relay's next poll. Producers call
 * `outboxCommitted(rows)` after their `$transaction` resolves (never inside it: the rows must be committed
 * before they are published), with the rows they wrote (`toOutboxRow`'s results); the relay XADDs them
 * without reading them back (relay.ts, "at commit"). Without rows it wakes the relays to drain instead. The
 * process that runs a relay registers it (`useOutboxRelay`: ticketing's workers.ts, identity's and customer's
 * main.ts); in a process without one (tests of other modules, scripts) the call does nothing and the (slower)
 * poll of a relay publishes the rows.
 *
 * Decision: an in-process call instead of PostgreSQL NOTIFY, which serialized every NOTIFYing commit
 * cluster-wide (migration outbox_drop_commit_notify has the numbers).
 */
import { startOutboxRelay, type CommittedOutboxRow, type OutboxRelay, type OutboxRelayOptions } from "./relay.ts";

type Wakeable = Pick<OutboxRelay, "wake" | "publishCommitted">;

const relays = new Set<Wakeable>();

/** Registers a running relay; the returned function unregisters it (call it when the relay stops). */
export function useOutboxRelay(relay: Wakeable): () => void {
  relays.add(relay);
  return () => relays.delete(relay);
}

/**
 * After commit: the rows just written are there to publish. With `rows`, the first registered relay publishes
 * them (one is enough; several run in one process only in tests); without, every relay drains. Never throws.
 */
export function outboxCommitted(rows?: readonly CommittedOutboxRow[]): void {
  if (!rows) {
    for (const relay of relays) relay.wake();
    return;
  }
  relays.values().next().value?.publishCommitted(rows);
}

/**
 * Idle poll of a relay that this process's commits hand their rows to: the poll only publishes rows nobody
 * handed over (left by a process that died between commit and publish, written by scripts, or whose publish
 * failed), so once a second is enough. Decision: at 50 ms, the idle polls of the suite's relays were ~5 % of a core with no traffic.
 */
export const WOKEN_RELAY_IDLE_MS = 1_000;

/** A relay registered for `outboxCommitted()` (idle poll `WOKEN_RELAY_IDLE_MS` unless given); stopping it unregisters it first. */
export function startWokenOutboxRelay(options: OutboxRelayOptions): Pick<OutboxRelay, "stop"> {
  const relay = startOutboxRelay({ idleMs: WOKEN_RELAY_IDLE_MS, ...options });
  const unregister = useOutboxRelay(relay);
  return {
    stop: async () => {
      unregister();
      await relay.stop();
    },
  };
}
