/**
 * Starts the whole suite exactly as `npm start` does (the built launcher), against a fresh database, and
 * stops it (and drops the database) after the run.
 */
import fs from "node:fs";
import pg from "pg";
import { launchSuite } from "./suite-launch.ts";
import { suiteEnv } from "./suite-env.ts";

async function flushRedisDatabase(url: string) {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url);
  await redis.flushdb();
  redis.disconnect();
}

async function dropDatabase() {
  const client = new pg.Client({ connectionString: suiteEnv.adminDatabaseUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${new URL(suiteEnv.databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
  await client.end();
}

export default async function globalSetup() {
  await flushRedisDatabase(suiteEnv.redisUrl);
  const suite = await launchSuite({
    databaseUrl: suiteEnv.databaseUrl,
    redisUrl: suiteEnv.redisUrl,
    portBase: suiteEnv.portBase,
    dataDir: suiteEnv.dataDir,
    env: { SYSOPS_INTERNAL_SECRET: suiteEnv.internalSecret },
  });

  return async () => {
    await suite.stop();
    await dropDatabase();
    if (!process.env.SYSOPS_E2E_KEEP) fs.rmSync(suiteEnv.dataDir, { recursive: true, force: true });
  };
}
