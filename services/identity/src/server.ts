/**
 * The identity service's HTTP server, used by main.ts and by other services' integration tests (which run
 * the real service in-process instead of mocking it). The outbox relay is not part of it: main.ts runs that
 * beside the server and stops it through `onClose`.
 */
import type { Logger } from "@sysops/logger";
import { startTrpcServer, type RunningServer } from "@sysops/trpc-server/server";
import { identityRouter } from "./api/router.ts";
import { callerFromToken } from "./api/trpc.ts";
import { createDb } from "./db/client.ts";

export interface IdentityServerOptions {
  databaseUrl: string;
  port: number;
  internalSecret: string;
  logger: Logger;
  /** Runs after the server closed its database connections (main.ts: stop the relay, disconnect Redis). */
  onClose?: () => Promise<void>;
}

export async function startIdentityServer({ databaseUrl, port, internalSecret, logger, onClose }: IdentityServerOptions): Promise<RunningServer> {
  const db = createDb(databaseUrl);
  return startTrpcServer({
    name: "svc-identity",
    port,
    router: identityRouter,
    logger,
    createContext: async ({ callerToken }) => ({ caller: await callerFromToken(callerToken, internalSecret), db }),
    checkReady: async () => {
      await db.$queryRaw`SELECT 1`;
    },
    onClose: async () => {
      await db.$disconnect();
      await onClose?.();
    },
  });
}
