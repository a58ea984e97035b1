/**
 * The customer service's HTTP server, used by main.ts and by other services' integration tests (which run
 * the real service in-process instead of mocking it).
 */
import type { Logger } from "@sysops/logger";
import { startTrpcServer, type RunningServer } from "@sysops/trpc-server/server";
import { customerRouter } from "./api/router.ts";
import { callerFromToken } from "./api/trpc.ts";
import { createDb } from "./db/client.ts";

export interface CustomerServerOptions {
  databaseUrl: string;
  port: number;
  internalSecret: string;
  logger: Logger;
  /** Runs after the server closed and the database disconnected (main.ts stops the outbox relay here). */
  onClose?: () => Promise<void>;
}

export async function startCustomerServer({ databaseUrl, port, internalSecret, logger, onClose }: CustomerServerOptions): Promise<RunningServer> {
  const db = createDb(databaseUrl);
  return startTrpcServer({
    name: "svc-customer",
    port,
    router: customerRouter,
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
