/**
 * Redis at `REDIS_URL`. If nothing answers there and a `redis-server` binary is on the PATH, one is started
 * on that port with its data under `<data dir>/redis`; otherwise the launcher stops with what to do.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import type { Logger } from "@sysops/logger";

export interface RedisHandle {
  url: string;
  stop(): Promise<void>;
}

export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const onPath = (binary: string) => spawnSync("sh", ["-c", `command -v ${binary}`]).status === 0;

export async function ensureRedis(opts: { url: string; dataDir: string; logger: Logger }): Promise<RedisHandle> {
  if (await redisAnswers(opts.url)) return { url: opts.url, stop: async () => {} };
  const { hostname, port } = new URL(opts.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(hostname) || !onPath("redis-server")) {
    throw new Error(
      `Nothing answers at REDIS_URL=${opts.url}. Install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) ` +
        `so the suite can start it, or set REDIS_URL to a running Redis.`,
    );
  }
  const dir = path.join(opts.dataDir, "redis");
  fs.mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn("redis-server", ["--port", port || "6379", "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--save", ""], {
    stdio: "ignore",
  });
  opts.logger.info({ port, dir }, "started redis-server");
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(opts.url)) {
      return {
        url: opts.url,
        stop: () =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not answer at ${opts.url} within 5 s`);
}
