import { Redis } from "ioredis";
import { loadEnv, requireEnv } from "@sysops/config";
import { suitePorts } from "@sysops/config/ports";
import { startOutboxRelay } from "@sysops/events/relay";
import { createLogger } from "@sysops/logger";
import { exitOnSignals, startTrpcServer } from "@sysops/trpc-server/server";
import { identityRouter } from "./api/router.ts";
import { callerFromToken } from "./api/trpc.ts";
import { createDb, DB_SCHEMA } from "./db/client.ts";

const env = loadEnv();
const logger = createLogger("svc-identity", env.LOG_LEVEL);
const secret = requireEnv(env, "SYSOPS_INTERNAL_SECRET");
const databaseUrl = requireEnv(env, "DATABASE_URL");
const db = createDb(databaseUrl);
// Publishes identity's outbox (expert.profile_changed) to the suite's event stream.
const redis = new Redis(requireEnv(env, "REDIS_URL"), { maxRetriesPerRequest: null });
const relay = startOutboxRelay({ databaseUrl, schema: DB_SCHEMA, redis, logger });

const server = await startTrpcServer({
  name: "svc-identity",
  port: suitePorts(env.SYSOPS_PORT_BASE).service.identity,
  router: identityRouter,
  logger,
  createContext: async ({ callerToken }) => ({ caller: await callerFromToken(callerToken, secret), db }),
  checkReady: async () => {
    await db.$queryRaw`SELECT 1`;
  },
  onClose: async () => {
    await relay.stop();
    redis.disconnect();
    await db.$disconnect();
  },
});
exitOnSignals(server, logger);
