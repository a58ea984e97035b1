/**
 * Starts the whole suite exactly as `npm start` does (the built launcher), against a fresh database, and
 * stops it (and drops the database) after the run.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { suiteEnv } from "./suite-env.ts";

const launcher = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../launcher/dist/main.js");

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

async function waitForReady(url: string, exited: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("the suite exited during start (see its log above)");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`suite not ready at ${url} after ${timeoutMs} ms`);
}

export default async function globalSetup() {
  await flushRedisDatabase(suiteEnv.redisUrl);
  fs.mkdirSync(suiteEnv.dataDir, { recursive: true });
  const logFile = fs.openSync(path.join(suiteEnv.dataDir, "suite.log"), "a");
  const child = spawn(process.execPath, [launcher], {
    env: {
      ...process.env,
      DATABASE_URL: suiteEnv.databaseUrl,
      REDIS_URL: suiteEnv.redisUrl,
      SYSOPS_PORT_BASE: String(suiteEnv.portBase),
      SYSOPS_DATA_DIR: suiteEnv.dataDir,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", logFile, logFile],
  });
  let exited = false;
  child.once("exit", () => (exited = true));
  try {
    await waitForReady(`${suiteEnv.baseUrl}/readyz`, () => exited, 120_000);
  } catch (err) {
    child.kill("SIGKILL");
    process.stderr.write(fs.readFileSync(path.join(suiteEnv.dataDir, "suite.log"), "utf8").slice(-8000));
    throw err;
  }

  return async () => {
    if (!exited) {
      const done = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await done;
    }
    await dropDatabase();
    if (!process.env.SYSOPS_E2E_KEEP) fs.rmSync(suiteEnv.dataDir, { recursive: true, force: true });
  };
}
