import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "@sysops/logger";
import { ensureRedis, redisAnswers } from "./redis.ts";

const logger = createLogger("test", "silent");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "launcher-redis-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("ensureRedis", () => {
  it("uses a Redis that answers and starts nothing", async () => {
    const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
    const handle = await ensureRedis({ url, dataDir, logger });
    expect(handle.url).toBe(url);
    await handle.stop();
    expect(await redisAnswers(url)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "redis"))).toBe(false);
  });

  it("starts redis-server with its data under the data dir when nothing answers, and stops it", async () => {
    const url = `redis://127.0.0.1:${20000 + Math.floor(Math.random() * 20000)}`;
    expect(await redisAnswers(url)).toBe(false);
    const handle = await ensureRedis({ url, dataDir, logger });
    expect(await redisAnswers(url)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "redis"))).toBe(true);
    await handle.stop();
    expect(await redisAnswers(url)).toBe(false);
  });

  it("says how to install Redis or set REDIS_URL when nothing answers and redis-server is not on the PATH", async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "empty-path-"));
    try {
      await expect(ensureRedis({ url: "redis://127.0.0.1:1", dataDir, logger })).rejects.toThrow(/Install Redis .*set REDIS_URL/);
    } finally {
      process.env.PATH = savedPath;
    }
  });
});
