import { loadEnv, requireEnv } from "@sysops/config";
import { suitePorts } from "@sysops/config/ports";
import { createLogger } from "@sysops/logger";
import { exitOnSignals } from "@sysops/trpc-server/server";
import { startCustomerServer } from "./server.ts";

const env = loadEnv();
const logger = createLogger("svc-customer", env.LOG_LEVEL);

const server = await startCustomerServer({
  databaseUrl: requireEnv(env, "DATABASE_URL"),
  port: suitePorts(env.SYSOPS_PORT_BASE).service.customer,
  internalSecret: requireEnv(env, "SYSOPS_INTERNAL_SECRET"),
  logger,
});
exitOnSignals(server, logger);
