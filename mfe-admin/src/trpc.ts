import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@sysops/bff-admin/router";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** One query cache and tRPC client per mounted app; the BFF sits on the same origin (session cookie). */
export function createClients() {
  return {
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 10_000 } } }),
    trpcClient: createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/admin" })] }),
  };
}
