import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { DesignSystemProvider } from "@sysops/design-system";
import type { MfeProps } from "@sysops/mf-config/contract";
import { TRPCProvider, createClients } from "./trpc.ts";
import { TicketingRoutes } from "./routes.tsx";
import { LiveTickets } from "./live/use-live-tickets.ts";

export function Root({ user }: MfeProps) {
  const [{ queryClient, trpcClient }] = useState(createClients);
  return (
    <DesignSystemProvider>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <LiveTickets />
          <TicketingRoutes user={user} />
        </TRPCProvider>
      </QueryClientProvider>
    </DesignSystemProvider>
  );
}
