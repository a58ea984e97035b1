/** Customer portal procedures: the caller's own tickets only (ownership checked here and in the service). */
import type { TRPCRouterRecord } from "@trpc/server";

export const customerRouter = {} satisfies TRPCRouterRecord;
