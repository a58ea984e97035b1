import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@sysops/bff-ticketing/router";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

const BFF_URL = "/api/ticketing";

/**
 * One query cache and tRPC client per mounted app; the BFF sits on the same origin (session cookie).
 * Subscriptions (live updates) go over server-sent events; everything else is batched over HTTP.
 */
export function createClients() {
  return {
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 10_000 } } }),
    trpcClient: createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: BFF_URL }),
          false: httpBatchLink({ url: BFF_URL }),
        }),
      ],
    }),
  };
}
