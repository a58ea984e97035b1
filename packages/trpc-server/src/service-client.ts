/**
 * tRPC client for calling another process of the suite (BFF → service, service → service). Every call
 * carries the current request id and caller token from the request context, so logs line up across
 * processes and the callee knows who acts.
 *
 * `httpLink`, not `httpBatchLink`: a batch could mix calls of two requests under one caller's token.
 */
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { CALLER_HEADER } from "@sysops/internal-auth";
import { REQUEST_ID_HEADER, requestContext } from "@sysops/logger/request-context";
import { serviceFetch } from "./service-fetch.ts";

export function createServiceClient<TRouter extends AnyRouter>(url: string, fallbackToken?: () => Promise<string>): TRPCClient<TRouter> {
  return createTRPCClient<TRouter>({
    links: [
      // The options are generic over the router's transformer config, which TypeScript cannot resolve for
      // an unconstrained TRouter; none of our routers uses a transformer.
      httpLink<TRouter>({
        url,
        fetch: serviceFetch,
        async headers() {
          const ctx = requestContext.getStore();
          const token = ctx?.callerToken ?? (await fallbackToken?.());
          return {
            ...(ctx ? { [REQUEST_ID_HEADER]: ctx.requestId } : {}),
            ...(token ? { [CALLER_HEADER]: token } : {}),
          };
        },
      } as unknown as Parameters<typeof httpLink<TRouter>>[0]),
    ],
  });
}
