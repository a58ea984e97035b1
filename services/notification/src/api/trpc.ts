/**
 * The notification service's tRPC setup: context → initialization → procedures.
 * - context: the verified caller (from the `x-sysops-caller` token), the database and, in development
 *   and tests, the local sinks' store;
 * - one middleware maps thrown DomainErrors to TRPCErrors;
 * - `requireRole(...)` refuses other callers.
 * @see https://trpc.io/docs/server/middlewares
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { verifyCaller, type Caller } from "@sysops/internal-auth";
import type { UserRole } from "@sysops/internal-auth/roles";
import { errorFormatter, toTRPCError } from "@sysops/trpc-server/errors";
import type { Db } from "../db/client.ts";
import type { SinkStore } from "../sinks/sink-store.ts";

export interface Context {
  /** null when the request carried no valid caller token. */
  caller: Caller | null;
  db: Db;
  /** Only when the local sinks run (NOTIFY_SINKS=local, tests). */
  sinks: SinkStore | null;
}

/** For tests and `createCaller`: no request, the caller is given. */
export const createContextInner = (ctx: Context): Context => ctx;

export async function callerFromToken(token: string | undefined, secret: string): Promise<Caller | null> {
  return token ? verifyCaller(token, secret).catch(() => null) : null;
}

const t = initTRPC.context<Context>().create({ errorFormatter });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

const procedure = t.procedure.use(mapDomainErrors);

/** `"service"` admits any service caller (gateway, BFF, another service, e2e); the rest are user roles. */
export type Allowed = UserRole | "service";

const admits = (caller: Caller, allowed: readonly Allowed[]) =>
  caller.kind === "service" ? allowed.includes("service") : allowed.includes(caller.role);

export function requireRole(...allowed: Allowed[]) {
  return procedure.use(({ ctx, next }) => {
    if (!ctx.caller) throw new TRPCError({ code: "UNAUTHORIZED", message: "A valid caller token is required" });
    if (!admits(ctx.caller, allowed)) throw new TRPCError({ code: "FORBIDDEN", message: "Your role may not do that" });
    return next({ ctx: { caller: ctx.caller } });
  });
}
