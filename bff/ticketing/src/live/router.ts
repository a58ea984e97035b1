/** Live ticket updates (tRPC subscriptions over SSE, fed from the Redis event stream). */
import type { TRPCRouterRecord } from "@trpc/server";

export const liveRouter = {} satisfies TRPCRouterRecord;
