/**
 * Builds the real gateway for integration tests: real Redis under a key prefix of its own (removed after),
 * the identity stand-in, an echo server as bff-ticketing, a dead port as bff-kb (for readiness), and
 * temporary shell and micro-frontend folders.
 */
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { createLogger, type Logger } from "@sysops/logger";
import { buildApp } from "../app.ts";
import { createIdentityClient } from "../auth/identity-client.ts";
import type { LoginLimit } from "../auth/login-rate-limit.ts";
import { startEchoBff, type EchoBff } from "./echo-bff.ts";
import { startIdentityStandIn, type IdentityStandIn } from "./identity-stand-in.ts";

export const TEST_SECRET = "gateway-test-secret-0123456789abcdef";
export const ORIGIN = "http://localhost:80";
export const HOST = "localhost:80";
export const HASHED_ASSET = "main.1a2b3c4d5e.js";
export const REGISTRY = { remotes: { ticketing: { version: "0.1.0-abc123", manifest: "/mfe/ticketing/0.1.0-abc123/mf-manifest.json" } } };

export interface GatewayHarness {
  app: FastifyInstance;
  redis: Redis;
  keyPrefix: string;
  identity: IdentityStandIn;
  bff: EchoBff;
  close(): Promise<void>;
}

const redisUrl = () => process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A connection to the tests' Redis; each test file keeps its keys under its own prefix. */
export const connectTestRedis = () => new Redis(redisUrl());

/** Deletes a test file's keys (everything under `keyPrefix`) and closes the connection. */
export async function dropKeysAndQuit(redis: Redis, keyPrefix: string): Promise<void> {
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

async function writeFixtures(root: string) {
  const shellDir = path.join(root, "shell");
  const mfeDir = path.join(root, "mfe");
  await mkdir(path.join(mfeDir, "ticketing", "0.1.0-abc123"), { recursive: true });
  await mkdir(shellDir, { recursive: true });
  await writeFile(path.join(shellDir, "index.html"), "<!doctype html><title>Sysops Squad</title>");
  await writeFile(path.join(shellDir, HASHED_ASSET), "console.log('shell')");
  await writeFile(path.join(mfeDir, "registry.json"), JSON.stringify(REGISTRY));
  await writeFile(path.join(mfeDir, "ticketing", "0.1.0-abc123", "mf-manifest.json"), JSON.stringify({ id: "ticketing" }));
  return { shellDir, mfeDir };
}

export async function startGateway({ loginLimit, logger }: { loginLimit?: LoginLimit; logger?: Logger } = {}): Promise<GatewayHarness> {
  const keyPrefix = `test:gateway:${randomUUID()}:`;
  const redis = connectTestRedis();
  const identity = await startIdentityStandIn(TEST_SECRET);
  const bff = await startEchoBff();
  const root = await mkdtemp(path.join(tmpdir(), "gateway-test-"));
  const { shellDir, mfeDir } = await writeFixtures(root);

  const app = await buildApp({
    logger: logger ?? createLogger("gateway-test", "silent"),
    redis,
    secret: TEST_SECRET,
    identity: createIdentityClient(identity.url, TEST_SECRET),
    identityUrl: identity.url,
    domains: ["ticketing", "kb"],
    bffUrlOf: (domain) => (domain === "ticketing" ? bff.url : "http://127.0.0.1:9"),
    shellDir,
    mfeDir,
    sessionPrefix: `${keyPrefix}session:`,
    rateLimitPrefix: `${keyPrefix}rate:`,
    ...(loginLimit ? { loginLimit } : {}),
  });
  await app.ready();

  const close = async () => {
    await app.close();
    await dropKeysAndQuit(redis, keyPrefix);
    await Promise.all([identity.close(), bff.close(), rm(root, { recursive: true, force: true })]);
  };
  return { app, redis, keyPrefix, identity, bff, close };
}

/** Signs in as the stand-in user and returns the session cookie value. */
export async function signIn(app: FastifyInstance): Promise<string> {
  const res = await app.inject({
    method: "POST",
    url: "/auth/login",
    headers: { origin: ORIGIN, host: HOST },
    payload: { email: "ann@example.com", password: "correct horse battery staple" },
  });
  const cookie = res.cookies.find((c) => c.name === "sysops_session");
  if (res.statusCode !== 200 || !cookie) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return cookie.value;
}
