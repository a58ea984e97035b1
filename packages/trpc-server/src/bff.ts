/**
 * The tRPC setup every BFF shares: context (the signed-in user the gateway vouched for, plus the BFF's
 * service clients) → initialization → procedures. Denied is the default: every procedure is built from
 * `requireRole(...)`, which narrows `ctx.caller`.
 * @see https://trpc.io/docs/server/middlewares
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { verifyCaller, type UserCaller } from "@sysops/internal-auth";
import type { UserRole } from "@sysops/internal-auth/roles";
import { errorFormatter, toTRPCError } from "./error-formatter.ts";
import type { ContextRequest } from "./server.ts";

export interface BffContext<TServices> {
  /** The signed-in user the gateway vouched for; null when the token is missing, invalid or not a user. */
  caller: UserCaller | null;
  services: TServices;
}

/**
 * Subscriptions over server-sent events. A ping every 10 s keeps the connection visibly alive through the
 * gateway (and lets the client notice a dead one: it reconnects after 25 s without data). The server ends
 * every stream after 100 s and the client reconnects at once with its `lastEventId`: the caller token (valid
 * 2 min) is only checked when a stream opens, so each reopen goes through the gateway's session check and
 * gets a fresh token — a signed-out or deactivated user stops receiving within 100 s.
 * @see https://trpc.io/docs/server/subscriptions
 */
export const SSE = {
  ping: { enabled: true, intervalMs: 10_000 },
  maxDurationMs: 100_000,
  client: { reconnectAfterInactivityMs: 25_000 },
} as const;

export function createBffTrpc<TServices>() {
  type Context = BffContext<TServices>;

  /** The context without HTTP, for `createCaller` in tests. */
  const createContextInner = (caller: UserCaller | null, services: TServices): Context => ({ caller, services });

  const contextFactory =
    (secret: string, services: TServices) =>
    async ({ callerToken }: ContextRequest): Promise<Context> => {
      const caller = await verifyCaller(callerToken, secret).catch(() => null);
      return createContextInner(caller?.kind === "user" ? caller : null, services);
    };

  const t = initTRPC.context<Context>().create({ errorFormatter, sse: SSE });

  /** Maps DomainErrors and downstream 4xx errors to the TRPCError the browser should see. */
  const mapErrors = t.middleware(async ({ next }) => {
    const result = await next();
    if (!result.ok) throw toTRPCError(result.error);
    return result;
  });

  const authedProcedure = t.procedure.use(mapErrors).use(({ ctx, next }) => {
    if (!ctx.caller) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
    return next({ ctx: { caller: ctx.caller } });
  });

  function requireRole<R extends UserRole>(...roles: R[]) {
    return authedProcedure.use(({ ctx, next }) => {
      const { caller } = ctx;
      if (!(roles as UserRole[]).includes(caller.role)) {
        throw new TRPCError({ code: "FORBIDDEN", message: `Only ${roles.join(", ")} may do this` });
      }
      return next({ ctx: { caller: caller as UserCaller & { role: R } } });
    });
  }

  /** Customers act on their own customer record; a customer token without one is refused. */
  const customerProcedure = requireRole("customer").use(({ ctx, next }) => {
    const { customerId } = ctx.caller;
    if (!customerId) throw new TRPCError({ code: "FORBIDDEN", message: "This account has no customer record" });
    return next({ ctx: { customerId } });
  });

  return {
    router: t.router,
    createCallerFactory: t.createCallerFactory,
    createContextInner,
    contextFactory,
    authedProcedure,
    requireRole,
    customerProcedure,
  };
}

/** Readiness of a BFF: every service it calls answers its own `/readyz`. */
export async function checkDependenciesReady(urls: Record<string, string>): Promise<void> {
  const results = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const ok = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (res) => res.ok,
        () => false,
      );
      return ok ? null : name;
    }),
  );
  const down = results.filter((name) => name !== null);
  if (down.length > 0) throw new Error(`not ready: ${down.join(", ")}`);
}
