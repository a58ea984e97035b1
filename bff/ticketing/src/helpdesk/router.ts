/** Helpdesk console procedures (call-center agents; managers and admins may read). */
import type { TRPCRouterRecord } from "@trpc/server";

export const helpdeskRouter = {} satisfies TRPCRouterRecord;
