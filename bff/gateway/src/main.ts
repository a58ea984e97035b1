import path from "node:path";
import { Redis } from "ioredis";
import { loadEnv, REPO_ROOT, requireEnv } from "@sysops/config";
import { BFF_DOMAINS, bffUrl, serviceUrl, suitePorts } from "@sysops/config/ports";
import { createLogger } from "@sysops/logger";
import { buildApp } from "./app.ts";
import { createIdentityClient } from "./auth/identity-client.ts";

const env = loadEnv();
const logger = createLogger("gateway", env.LOG_LEVEL);
const secret = requireEnv(env, "SYSOPS_INTERNAL_SECRET");
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
// ioredis reconnects by itself; without a listener its errors (every retry while Redis restarts) go raw to stderr.
redis.on("error", (err) => logger.warn({ err }, "redis connection error"));
const identityUrl = serviceUrl(env.SYSOPS_PORT_BASE, "identity");

const app = await buildApp({
  logger,
  redis,
  secret,
  identity: createIdentityClient(identityUrl, secret),
  identityUrl,
  domains: BFF_DOMAINS,
  bffUrlOf: (domain) => bffUrl(env.SYSOPS_PORT_BASE, domain),
  shellDir: path.join(REPO_ROOT, "shell", "dist"),
  mfeDir: path.join(env.SYSOPS_DATA_DIR, "mfe"),
});
app.addHook("onClose", async () => {
  await redis.quit();
});

await app.listen({ host: "127.0.0.1", port: suitePorts(env.SYSOPS_PORT_BASE).gateway });

const stop = (signal: string) => {
  logger.info({ signal }, "draining");
  app.close().then(
    () => process.exit(0),
    (err: unknown) => {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    },
  );
};
process.once("SIGTERM", () => stop("SIGTERM"));
process.once("SIGINT", () => stop("SIGINT"));
