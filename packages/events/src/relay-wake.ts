/**
 * Wakes this process's outbox relay right after a transaction that wrote outbox rows commits, so the event
 * reaches the stream in milliseconds instead of at the relay's next poll. Producers call
 * `outboxCommitted()` after their `$transaction` resolves (never inside it: the relay must see the
 * committed rows). The process that runs a relay registers it (`useOutboxRelay`: ticketing's workers.ts,
 * identity's and customer's main.ts); in a process without one (tests of other modules, scripts) the call
 * does nothing and the (slower) poll of a relay publishes the rows.
 *
 * Decision: an in-process call instead of PostgreSQL NOTIFY, which serialized every NOTIFYing commit
 * cluster-wide (migration outbox_drop_commit_notify has the numbers).
 */
import { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from "./relay.ts";

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

/**
 * Idle poll of a relay that this process's commits wake: the poll only publishes rows nobody woke it for
 * (left by a process that died between commit and wake-up, or written by scripts), so once a second is
 * enough. Decision: at 50 ms, the idle polls of the suite's relays were ~5 % of a core with no traffic.
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
