import { Redis } from "ioredis";
import { loadEnv, requireEnv } from "@sysops/config";
import { suitePorts } from "@sysops/config/ports";
import { startWokenOutboxRelay } from "@sysops/events/relay-wake";
import { createLogger } from "@sysops/logger";
import { exitOnSignals } from "@sysops/trpc-server/server";
import { DB_SCHEMA } from "./db/client.ts";
import { startIdentityServer } from "./server.ts";

const env = loadEnv();
const logger = createLogger("svc-identity", env.LOG_LEVEL);
const databaseUrl = requireEnv(env, "DATABASE_URL");
// Publishes identity's outbox (expert.profile_changed) to the suite's event stream.
const redis = new Redis(requireEnv(env, "REDIS_URL"), { maxRetriesPerRequest: null });
// ioredis reconnects by itself; without a listener its errors (every retry while Redis restarts) go raw to stderr.
redis.on("error", (err) => logger.warn({ err }, "redis connection error"));
// Woken right after each commit that writes outbox rows (`outboxCommitted()`); its idle poll is the backstop.
const relay = startWokenOutboxRelay({ databaseUrl, schema: DB_SCHEMA, redis, logger });

const server = await startIdentityServer({
  databaseUrl,
  port: suitePorts(env.SYSOPS_PORT_BASE).service.identity,
  internalSecret: requireEnv(env, "SYSOPS_INTERNAL_SECRET"),
  logger,
  onClose: async () => {
    await relay.stop();
    redis.disconnect();
  },
});
exitOnSignals(server, logger);
