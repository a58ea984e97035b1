import { Redis } from "ioredis";
import { loadEnv, requireEnv } from "@sysops/config";
import { serviceUrl, suitePorts } from "@sysops/config/ports";
import { DEFAULT_STREAM } from "@sysops/events/relay";
import { createLogger } from "@sysops/logger";
import { exitOnSignals, startTrpcServer } from "@sysops/trpc-server/server";
import { checkServicesReady, createServices, type ServiceUrlOf } from "./clients.ts";
import { startEventStreamFeed } from "./live/event-stream-feed.ts";
import { appRouter } from "./router.ts";
import { contextFactory } from "./trpc.ts";

const env = loadEnv();
const logger = createLogger("bff-ticketing", env.LOG_LEVEL);
const secret = requireEnv(env, "SYSOPS_INTERNAL_SECRET");
const urlOf: ServiceUrlOf = (name) => serviceUrl(env.SYSOPS_PORT_BASE, name);

// Live updates read the event stream: one blocking connection for XREAD, one for everything else.
const redis = new Redis(env.REDIS_URL, { connectionName: "bff-ticketing" });
redis.on("error", (err) => logger.warn({ err }, "redis error"));
const blocking = new Redis(env.REDIS_URL, { connectionName: "bff-ticketing:live" });
blocking.on("error", (err) => logger.warn({ err }, "redis (live feed) error"));
const changes = startEventStreamFeed({ blocking, reader: redis, stream: DEFAULT_STREAM, logger });

const server = await startTrpcServer({
  name: "bff-ticketing",
  port: suitePorts(env.SYSOPS_PORT_BASE).bff.ticketing,
  router: appRouter,
  logger,
  createContext: contextFactory(secret, createServices(urlOf, { changes, internalSecret: secret })),
  checkReady: async () => {
    await redis.ping();
    await checkServicesReady(urlOf);
  },
  onClose: async () => {
    await changes.stop();
    redis.disconnect();
  },
});
// Open SSE streams would hold the drain for its whole timeout: end them first; clients reconnect (with their
// lastEventId) to another instance, or to this one once it is back.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void changes.stop());
exitOnSignals(server, logger);
