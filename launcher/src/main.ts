/**
 * `npm start` (start), `npm run db:migrate` (migrate), `npm run db:seed` (seed),
 * `node launcher/dist/main.js deploy <mfe>` (ship one remote to the registry of a running suite).
 */
import { randomBytes } from "node:crypto";
import { loadEnv, type Env } from "@sysops/config";
import { createLogger } from "@sysops/logger";
import { ensurePostgres } from "./infra/postgres.ts";
import { ensureRedis } from "./infra/redis.ts";
import { deployMfe, MFE_NAMES, type MfeName } from "./mfe/deploy.ts";
import { migrateAll, seedAll } from "./suite/database.ts";
import { suitePlan } from "./suite/plan.ts";
import { waitUntilReady } from "./suite/readiness.ts";
import { Supervisor } from "./suite/supervisor.ts";

const logger = createLogger("launcher");
const embeddedPgPort = (env: Env) => env.SYSOPS_PORT_BASE + 432;

async function withDatabase(env: Env, work: (url: string) => Promise<void>): Promise<void> {
  const postgres = await ensurePostgres({ databaseUrl: env.DATABASE_URL, dataDir: env.SYSOPS_DATA_DIR, port: embeddedPgPort(env), logger });
  try {
    await work(postgres.url);
  } finally {
    await postgres.stop();
  }
}

async function start(env: Env): Promise<void> {
  const startedAt = performance.now();
  // What has been started so far, stopped in reverse order on Ctrl-C or when a later step fails.
  const stoppers: (() => Promise<void>)[] = [];
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const stop of stoppers.reverse()) await stop();
      logger.info("suite stopped");
    })());
  const onSignal = (signal: string) => {
    logger.info({ signal }, "stopping the suite");
    void stopAll().then(() => process.exit(0));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    const postgres = await ensurePostgres({ databaseUrl: env.DATABASE_URL, dataDir: env.SYSOPS_DATA_DIR, port: embeddedPgPort(env), logger });
    stoppers.push(() => postgres.stop());
    const redis = await ensureRedis({ url: env.REDIS_URL, dataDir: env.SYSOPS_DATA_DIR, logger });
    stoppers.push(() => redis.stop());
    await migrateAll(postgres.url, logger);
    await seedAll(postgres.url, logger);
    for (const name of MFE_NAMES) deployMfe(name, env.SYSOPS_DATA_DIR);

    const supervisor = new Supervisor(
      {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        SYSOPS_PORT_BASE: String(env.SYSOPS_PORT_BASE),
        SYSOPS_DATA_DIR: env.SYSOPS_DATA_DIR,
        SYSOPS_INTERNAL_SECRET: env.SYSOPS_INTERNAL_SECRET ?? randomBytes(32).toString("base64url"),
        LOG_LEVEL: env.LOG_LEVEL,
      },
      logger,
      (name) =>
        env.SYSOPS_CPU_PROFILE_DIR && (!env.SYSOPS_CPU_PROFILE_ONLY || env.SYSOPS_CPU_PROFILE_ONLY.split(",").includes(name))
          ? ["--cpu-prof", `--cpu-prof-dir=${env.SYSOPS_CPU_PROFILE_DIR}`]
          : [],
    );
    stoppers.push(() => supervisor.stop());
    for (const tier of suitePlan(env.SYSOPS_PORT_BASE)) {
      tier.forEach((spec) => supervisor.start(spec));
      await waitUntilReady(tier.map((s) => s.readyUrl), 60_000);
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  logger.info({ url: `http://localhost:${env.SYSOPS_PORT_BASE}`, seconds }, "suite ready");
  process.stdout.write(`\nSysops Squad is ready at http://localhost:${env.SYSOPS_PORT_BASE}  (started in ${seconds} s; Ctrl-C stops it)\n\n`);
}

async function main(): Promise<void> {
  const env = loadEnv();
  const [command = "start", arg] = process.argv.slice(2);
  switch (command) {
    case "start":
      return start(env);
    case "migrate":
      return withDatabase(env, (url) => migrateAll(url, logger));
    case "seed":
      return withDatabase(env, async (url) => {
        await migrateAll(url, logger);
        await seedAll(url, logger);
      });
    case "deploy": {
      if (!MFE_NAMES.includes(arg as MfeName)) throw new Error(`usage: deploy <${MFE_NAMES.join("|")}>`);
      const entry = deployMfe(arg as MfeName, env.SYSOPS_DATA_DIR);
      logger.info({ mfe: arg, ...entry }, "remote deployed");
      return;
    }
    default:
      throw new Error(`unknown command "${command}" (start | migrate | seed | deploy <mfe>)`);
  }
}

main().catch((err: unknown) => {
  logger.fatal({ err }, (err as Error).message);
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 100).unref();
});
