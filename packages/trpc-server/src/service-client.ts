/**
 * tRPC client for calling another process of the suite (BFF → service, service → service). Every call
 * carries the current request id and caller token from the request context, so logs line up across
 * processes and the callee knows who acts.
 *
 * The transport is `serviceLink` (httpLink's wire format on undici, see service-link.ts).
 */
import { createTRPCClient, type TRPCClient } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { CALLER_HEADER } from "@sysops/internal-auth";
import { REQUEST_ID_HEADER, requestContext } from "@sysops/logger/request-context";
import { serviceLink } from "./service-link.ts";

export function createServiceClient<TRouter extends AnyRouter>(url: string, fallbackToken?: () => Promise<string>): TRPCClient<TRouter> {
  return createTRPCClient<TRouter>({
    links: [
      serviceLink<TRouter>({
        url,
        async headers() {
          const ctx = requestContext.getStore();
          const token = ctx?.callerToken ?? (await fallbackToken?.());
          return {
            ...(ctx ? { [REQUEST_ID_HEADER]: ctx.requestId } : {}),
            ...(token ? { [CALLER_HEADER]: token } : {}),
          };
        },
      }),
    ],
  });
}
