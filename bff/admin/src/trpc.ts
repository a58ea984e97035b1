/**
 * tRPC for bff-admin: context, initialization, procedures.
 * Denied is the default: every procedure is built from `requireRole(...)`, which narrows `ctx.caller`.
 * @see https://trpc.io/docs/server/middlewares
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { verifyCaller, type UserCaller } from "@sysops/internal-auth";
import type { UserRole } from "@sysops/internal-auth/roles";
import type { ContextRequest } from "@sysops/trpc-server/server";
import { errorFormatter, toTRPCError } from "@sysops/trpc-server/errors";
import type { Services } from "./clients.ts";

// ---- context ---------------------------------------------------------------------------------------
export interface Context {
  /** The signed-in user the gateway vouched for; null when the token is missing, invalid or not a user. */
  caller: UserCaller | null;
  services: Services;
}

/** The context without HTTP, for `createCaller` in tests. */
export const createContextInner = (caller: UserCaller | null, services: Services): Context => ({ caller, services });

export function contextFactory(secret: string, services: Services) {
  return async ({ callerToken }: ContextRequest): Promise<Context> => {
    const caller = await verifyCaller(callerToken, secret).catch(() => null);
    return createContextInner(caller?.kind === "user" ? caller : null, services);
  };
}

// ---- initialization --------------------------------------------------------------------------------
const t = initTRPC.context<Context>().create({ errorFormatter });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// ---- procedures ------------------------------------------------------------------------------------
/** Maps DomainErrors and downstream 4xx errors to the TRPCError the browser should see. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const authedProcedure = t.procedure.use(mapErrors).use(({ ctx, next }) => {
  if (!ctx.caller) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { caller: ctx.caller } });
});

export function requireRole<R extends UserRole>(...roles: R[]) {
  return authedProcedure.use(({ ctx, next }) => {
    const { caller } = ctx;
    if (!(roles as UserRole[]).includes(caller.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Only ${roles.join(", ")} may do this` });
    }
    return next({ ctx: { caller: caller as UserCaller & { role: R } } });
  });
}
