import { loadEnv, requireEnv } from "@sysops/config";
import { suitePorts } from "@sysops/config/ports";
import { createLogger } from "@sysops/logger";
import { exitOnSignals, startTrpcServer } from "@sysops/trpc-server/server";
import { appRouter } from "./router.ts";
import { contextFactory } from "./trpc.ts";

const env = loadEnv();
const logger = createLogger("bff-kb", env.LOG_LEVEL);
const secret = requireEnv(env, "SYSOPS_INTERNAL_SECRET");

// No downstream service yet: ready as soon as it listens.
const server = await startTrpcServer({
  name: "bff-kb",
  port: suitePorts(env.SYSOPS_PORT_BASE).bff.kb,
  router: appRouter,
  logger,
  createContext: contextFactory(secret),
});
exitOnSignals(server, logger);
