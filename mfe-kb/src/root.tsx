import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { DesignSystemProvider } from "@sysops/design-system";
import type { MfeProps } from "@sysops/mf-config/contract";
import { TRPCProvider, createClients } from "./trpc.ts";
import { Home } from "./home.tsx";

export function Root({ user }: MfeProps) {
  const [{ queryClient, trpcClient }] = useState(createClients);
  return (
    <DesignSystemProvider>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Home user={user} />
      </TRPCProvider>
    </QueryClientProvider>
    </DesignSystemProvider>
  );
}
