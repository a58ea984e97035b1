/**
 * Live ticket updates: a tRPC subscription served over SSE (httpSubscriptionLink in the browser, through
 * the gateway's `/api/ticketing` proxy), fed from the Redis event stream so every BFF instance sees every
 * change. The caller is checked once, when the stream opens; the stream is ended by the server after
 * `maxDurationMs` (see @sysops/trpc-server/bff) and the client reconnects with its lastEventId, which
 * passes the gateway's session check again with a fresh caller token. The client refetches what it shows.
 */
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { USER_ROLES } from "@sysops/internal-auth/roles";
import { requireRole } from "../trpc.ts";
import { ticketChangesInput } from "./inputs.ts";
import { ticketChangesFor } from "./ticket-changes.ts";

export const liveRouter = {
  ticketChanges: requireRole(...USER_ROLES)
    .input(ticketChangesInput)
    .subscription(async function* ({ ctx, input, signal }) {
      const feed = ctx.services.changes;
      if (!feed) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Live updates are not available" });
      yield* ticketChangesFor(feed, ctx.caller, input?.lastEventId, signal ?? new AbortController().signal);
    }),
} satisfies TRPCRouterRecord;
