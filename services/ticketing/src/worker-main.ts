/**
 * svc-ticketing-worker: ticketing's background work (see workers.ts) in its own process, so a burst of
 * matching never competes with the API's event loop or its database pool. It serves no API: the shared
 * server kit gives it `/healthz`, `/readyz` (PostgreSQL and Redis answer) on `suitePorts(base).worker.ticketing`
 * and the SIGTERM drain (stop taking work, finish the running matching run / event / timer, then exit).
 */
import os from "node:os";
import { initTRPC } from "@trpc/server";
import { loadEnv, requireEnv } from "@sysops/config";
import { suitePorts } from "@sysops/config/ports";
import { systemClock } from "@sysops/events/clock";
import { createLogger } from "@sysops/logger";
import { exitOnSignals, startTrpcServer } from "@sysops/trpc-server/server";
import { createDb, WORKER_DB } from "./db/client.ts";
import { startWorkers } from "./workers.ts";

/**
 * Background work yields the CPU to the suite's request paths when the machine is busy (nice 10); with idle
 * cores it runs at full speed. Matching latency matters in seconds, request latency in milliseconds.
 */
const WORKER_NICENESS = 10;

const env = loadEnv();
const logger = createLogger("svc-ticketing-worker", env.LOG_LEVEL);
try {
  os.setPriority(WORKER_NICENESS);
} catch (error) {
  logger.warn({ err: error }, "could not lower the worker's CPU priority");
}

const databaseUrl = requireEnv(env, "DATABASE_URL");
const db = createDb(databaseUrl, WORKER_DB);
const workers = startWorkers({
  db,
  databaseUrl,
  redisUrl: env.REDIS_URL,
  clock: systemClock,
  logger,
  ...(env.MATCHING_MIN_INTERVAL_MS !== undefined ? { matchingMinIntervalMs: env.MATCHING_MIN_INTERVAL_MS } : {}),
});

const server = await startTrpcServer({
  name: "svc-ticketing-worker",
  port: suitePorts(env.SYSOPS_PORT_BASE).worker.ticketing,
  router: initTRPC.create().router({}),
  logger,
  createContext: () => Promise.resolve({}),
  checkReady: async () => {
    await db.$queryRaw`SELECT 1`;
    await workers.checkReady();
  },
  onClose: async () => {
    await workers.stop();
    await db.$disconnect();
  },
});
exitOnSignals(server, logger);
