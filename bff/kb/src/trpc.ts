/** tRPC for bff-kb (no service clients yet): the shared BFF setup from `@sysops/trpc-server/bff`. */
import { createBffTrpc, type BffContext } from "@sysops/trpc-server/bff";
import type { UserCaller } from "@sysops/internal-auth";

const trpc = createBffTrpc<Record<string, never>>();

export type Context = BffContext<Record<string, never>>;
export const { router, createCallerFactory, authedProcedure, requireRole } = trpc;
export const createContextInner = (caller: UserCaller | null): Context => trpc.createContextInner(caller, {});
export const contextFactory = (secret: string) => trpc.contextFactory(secret, {});
