/** Expert console procedures: only tickets assigned to the calling expert. */
import type { TRPCRouterRecord } from "@trpc/server";

export const expertRouter = {} satisfies TRPCRouterRecord;
