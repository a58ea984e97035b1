/**
 * Live updates for the whole app: one subscription to bff-ticketing's `live.ticketChanges` (SSE through the
 * gateway). On each change the screens refetch what may show that ticket: every list, and the detail of
 * that ticket (detail queries of other tickets are left alone). The event says only which ticket changed;
 * the refetch brings the new status, version and allowedActions. When the stream first opens, everything is
 * refetched once, covering changes made before it was open. A dropped stream (and the BFF ends each one
 * after 100 s) is reopened by tRPC with the last event id, so the BFF replays what was missed.
 */
import { useRef } from "react";
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

export function useLiveTickets() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const opened = useRef(false);
  return useSubscription(
    trpc.live.ticketChanges.subscriptionOptions(undefined, {
      onStarted: () => {
        if (!opened.current) void queryClient.invalidateQueries();
        opened.current = true;
      },
      onData: ({ data }) => void queryClient.invalidateQueries({ predicate: (query) => mayShowTicket(query, data.ticketId) }),
    }),
  );
}

/** Mount once inside the tRPC provider. Renders nothing. */
export function LiveTickets() {
  useLiveTickets();
  return null;
}
