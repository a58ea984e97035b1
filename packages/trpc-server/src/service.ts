/**
 * The tRPC setup every domain service shares: the context carries the verified caller (from the
 * `x-sysops-caller` token) beside the service's own dependencies; one middleware maps thrown DomainErrors
 * (and downstream 4xx errors) to TRPCErrors; `requireRole(...)` refuses other callers and narrows `ctx.caller`.
 * @see https://trpc.io/docs/server/middlewares
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { verifyCaller, type Caller, type ServiceCaller, type UserCaller } from "@sysops/internal-auth";
import type { UserRole } from "@sysops/internal-auth/roles";
import { errorFormatter, toTRPCError } from "./error-formatter.ts";

/** `"service"` admits any service caller (gateway, BFF, another service); the rest are user roles. */
export type Allowed = UserRole | "service";
export type CallerFor<A extends Allowed> = ("service" extends A ? ServiceCaller : never) | (UserCaller & { role: Exclude<A, "service"> });

/** The caller a request's token vouches for, or null when it carries no valid token. */
export async function callerFromToken(token: string | undefined, secret: string): Promise<Caller | null> {
  return token ? verifyCaller(token, secret).catch(() => null) : null;
}

const admits = (caller: Caller, allowed: readonly Allowed[]) =>
  caller.kind === "service" ? allowed.includes("service") : allowed.includes(caller.role);

export function createServiceTrpc<TContext extends { caller: Caller | null }>() {
  const t = initTRPC.context<TContext>().create({ errorFormatter });

  const procedure = t.procedure.use(async ({ next }) => {
    const result = await next();
    if (!result.ok) throw toTRPCError(result.error);
    return result;
  });

  function requireRole<const A extends Allowed>(...allowed: A[]) {
    return procedure.use(({ ctx, next }) => {
      const caller: Caller | null = ctx.caller;
      if (!caller) throw new TRPCError({ code: "UNAUTHORIZED", message: "A valid caller token is required" });
      if (!admits(caller, allowed)) throw new TRPCError({ code: "FORBIDDEN", message: "Your role may not do that" });
      return next({ ctx: { caller: caller as CallerFor<A> } });
    });
  }

  return { router: t.router, createCallerFactory: t.createCallerFactory, requireRole };
}
