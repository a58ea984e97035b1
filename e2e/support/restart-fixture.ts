/**
 * `restartableSuite`: a worker-scoped fixture that starts a PostgreSQL and a Redis of its own (own-infra.ts),
 * then the whole built suite against them (suite-launch.ts) on the restart port base, and stops everything
 * and deletes the run's folder afterwards (keep it with SYSOPS_E2E_KEEP=1). Both restart scenarios share one
 * suite: a later scenario also proves the suite is still whole after the earlier restart.
 */
import fs from "node:fs";
import path from "node:path";
import { test as base } from "@playwright/test";
import { startOwnPostgres, startOwnRedis, type OwnServer } from "./own-infra.ts";
import { restartPorts } from "./restart-env.ts";
import { launchSuite } from "./suite-launch.ts";
import { suiteEnv } from "./suite-env.ts";

export interface RestartableSuite {
  postgres: OwnServer;
  redis: OwnServer;
  /** The suite's log (every process of it), for figures and failure reports. */
  logFile: string;
  internalSecret: string;
}

export const test = base.extend<object, { restartableSuite: RestartableSuite }>({
  restartableSuite: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use, workerInfo) => {
      // Per worker: after a failed test Playwright starts a new worker, which needs fresh servers.
      const dir = path.join(suiteEnv.dataDir, `worker-${workerInfo.workerIndex}`);
      fs.mkdirSync(dir, { recursive: true });
      const redis = await startOwnRedis({ port: restartPorts.redis, dir: path.join(dir, "own-redis"), logFile: path.join(dir, "own-redis.log") });
      try {
        const postgres = await startOwnPostgres({ port: restartPorts.postgres, dir: path.join(dir, "own-postgres"), logFile: path.join(dir, "own-postgres.log") });
        try {
          const { internalSecret } = suiteEnv;
          const suite = await launchSuite({
            databaseUrl: suiteEnv.databaseUrl,
            redisUrl: suiteEnv.redisUrl,
            portBase: suiteEnv.portBase,
            dataDir: path.join(dir, "suite"),
            env: { SYSOPS_INTERNAL_SECRET: internalSecret, NOTIFY_SINKS: "local" },
          });
          try {
            await use({ postgres, redis, logFile: suite.logFile, internalSecret });
          } finally {
            await suite.stop();
          }
        } finally {
          await postgres.stop();
        }
      } finally {
        await redis.stop();
        if (!process.env.SYSOPS_E2E_KEEP) {
          fs.rmSync(dir, { recursive: true, force: true });
          if (fs.readdirSync(suiteEnv.dataDir).length === 0) fs.rmdirSync(suiteEnv.dataDir); // the run's folder, once no worker's is left
        }
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
});

export { expect } from "@playwright/test";
