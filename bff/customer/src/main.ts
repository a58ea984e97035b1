import { loadEnv, requireEnv } from "@sysops/config";
import { serviceUrl, suitePorts } from "@sysops/config/ports";
import { createLogger } from "@sysops/logger";
import { exitOnSignals, startTrpcServer } from "@sysops/trpc-server/server";
import { checkServicesReady, createServices, type ServiceUrlOf } from "./clients.ts";
import { appRouter } from "./router.ts";
import { contextFactory } from "./trpc.ts";

const env = loadEnv();
const logger = createLogger("bff-customer", env.LOG_LEVEL);
const secret = requireEnv(env, "SYSOPS_INTERNAL_SECRET");
const urlOf: ServiceUrlOf = (name) => serviceUrl(env.SYSOPS_PORT_BASE, name);

const server = await startTrpcServer({
  name: "bff-customer",
  port: suitePorts(env.SYSOPS_PORT_BASE).bff.customer,
  router: appRouter,
  logger,
  createContext: contextFactory(secret, createServices(urlOf)),
  checkReady: () => checkServicesReady(urlOf),
});
exitOnSignals(server, logger);
