/**
 * Starts the built suite exactly as `npm start` does (launcher/dist/main.js) with the given PostgreSQL,
 * Redis, port base and data folder, waits until the gateway's /readyz answers, and stops it with SIGTERM.
 * Its output goes to `<dataDir>/suite.log` (the tail is printed when the start fails).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const launcher = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../launcher/dist/main.js");

export interface LaunchedSuite {
  logFile: string;
  /** True once the launcher process has exited. */
  exited(): boolean;
  stop(): Promise<void>;
}

export async function waitForReady(url: string, exited: () => boolean, timeoutMs: number): Promise<void> {
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

export async function launchSuite(opts: {
  databaseUrl: string;
  redisUrl: string;
  portBase: number;
  dataDir: string;
  /** Extra environment for every process of the suite. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<LaunchedSuite> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const logFile = path.join(opts.dataDir, "suite.log");
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [launcher], {
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      REDIS_URL: opts.redisUrl,
      SYSOPS_PORT_BASE: String(opts.portBase),
      SYSOPS_DATA_DIR: opts.dataDir,
      LOG_LEVEL: "info",
      ...opts.env,
    },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  let exited = false;
  child.once("exit", () => (exited = true));
  try {
    await waitForReady(`http://127.0.0.1:${opts.portBase}/readyz`, () => exited, opts.readyTimeoutMs ?? 120_000);
  } catch (err) {
    child.kill("SIGKILL");
    process.stderr.write(fs.readFileSync(logFile, "utf8").slice(-8000));
    throw err;
  }
  return {
    logFile,
    exited: () => exited,
    async stop() {
      if (exited) return;
      const done = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await done;
    },
  };
}
