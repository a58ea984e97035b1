/**
 * The notification service's tRPC setup: the shared service setup from `@sysops/trpc-server/service` (verified caller,
 * DomainError mapping, `requireRole(...)`) over this service's context.
 */
import type { Caller } from "@sysops/internal-auth";
import { createServiceTrpc } from "@sysops/trpc-server/service";
import type { Db } from "../db/client.ts";
import type { SinkStore } from "../sinks/sink-store.ts";

export { callerFromToken, type Allowed, type CallerFor } from "@sysops/trpc-server/service";

export interface Context {
  /** null when the request carried no valid caller token. */
  caller: Caller | null;
  db: Db;
  /** Only when the local sinks run (NOTIFY_SINKS=local, tests). */
  sinks: SinkStore | null;
}

/** For tests and `createCaller`: no request, the caller is given. */
export const createContextInner = (ctx: Context): Context => ctx;

export const { router, createCallerFactory, requireRole } = createServiceTrpc<Context>();
