/**
 * Live updates for the whole app: one subscription to bff-ticketing's `live.ticketChanges` (SSE through the
 * gateway). On each change the screens refetch what may show that ticket: every list, and the detail of
 * that ticket (detail queries of other tickets are left alone), changes within 100 ms together. The event
 * says only which ticket changed;
 * the refetch brings the new status, version and allowedActions. When the stream first opens, everything is
 * refetched once, covering changes made before it was open. A dropped stream (and the BFF ends each one
 * after 100 s) is reopened by tRPC with the last event id, so the BFF replays what was missed.
 */
import { useEffect, useRef } from "react";
import { useQueryClient, type Query } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "../trpc.ts";

/** tRPC query keys are `[path, { input, type }]`. */
function inputOf(query: Query): Record<string, unknown> | undefined {
  const meta = query.queryKey[1] as { input?: unknown } | undefined;
  return meta?.input && typeof meta.input === "object" ? (meta.input as Record<string, unknown>) : undefined;
}

/** A query about one ticket names it by `ticketId`; any other query (lists, searches) may show any ticket. */
export const mayShowTicket = (query: Query, ticketId: string): boolean => {
  const named = inputOf(query)?.ticketId;
  return typeof named !== "string" || named === ticketId;
};

/**
 * Changes arriving within this window are refetched together: an agent's console sees every ticket's
 * changes, and a burst must not refetch the search once per event. Small against the 1 s budget.
 */
const COALESCE_MS = 100;

export function useLiveTickets() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const opened = useRef(false);
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const refetchSoon = (ticketId: string) => {
    pending.current.add(ticketId);
    timer.current ??= setTimeout(() => {
      const changed = [...pending.current];
      pending.current.clear();
      timer.current = undefined;
      void queryClient.invalidateQueries({ predicate: (query) => changed.some((id) => mayShowTicket(query, id)) });
    }, COALESCE_MS);
  };

  return useSubscription(
    trpc.live.ticketChanges.subscriptionOptions(undefined, {
      onStarted: () => {
        if (!opened.current) void queryClient.invalidateQueries();
        opened.current = true;
      },
      onData: ({ data }) => refetchSoon(data.ticketId),
    }),
  );
}

/** Mount once inside the tRPC provider. Renders nothing. */
export function LiveTickets() {
  useLiveTickets();
  return null;
}
