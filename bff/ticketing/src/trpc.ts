/** tRPC for bff-ticketing: the shared BFF setup from `@sysops/trpc-server/bff` over this BFF's service clients. */
import { createBffTrpc, type BffContext } from "@sysops/trpc-server/bff";
import type { Services } from "./clients.ts";

export type Context = BffContext<Services>;
export const { router, createCallerFactory, createContextInner, contextFactory, authedProcedure, requireRole, customerProcedure } =
  createBffTrpc<Services>();
