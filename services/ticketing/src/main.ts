/** svc-ticketing: the HTTP API, the outbox relay and the SLA timer queue (background work: worker-main.ts). */
import { loadEnv, requireEnv } from "@sysops/config";
import { serviceUrl, suitePorts } from "@sysops/config/ports";
import { createLogger } from "@sysops/logger";
import { exitOnSignals } from "@sysops/trpc-server/server";
import { startTicketingServer } from "./server.ts";

const env = loadEnv();
const logger = createLogger("svc-ticketing", env.LOG_LEVEL);

const server = await startTicketingServer({
  databaseUrl: requireEnv(env, "DATABASE_URL"),
  port: suitePorts(env.SYSOPS_PORT_BASE).service.ticketing,
  internalSecret: requireEnv(env, "SYSOPS_INTERNAL_SECRET"),
  customerServiceUrl: serviceUrl(env.SYSOPS_PORT_BASE, "customer"),
  logger,
  redis: { url: env.REDIS_URL },
});
exitOnSignals(server, logger);
