/**
 * The whole notification service in one call (main.ts and integration tests): the event consumer
 * (group `notification`), the first tries straight after its commits, the BullMQ send worker for the rest,
 * the periodic requeue of queued messages, and the tRPC server. `close()` stops them in order: no new
 * events, then drain the HTTP server, the running tries, the worker, Redis, db.
 */
import { systemClock, type Clock } from "@sysops/events/clock";
import { startConsumer } from "@sysops/events/consumer";
import type { Logger } from "@sysops/logger";
import { startTrpcServer, type RunningServer } from "@sysops/trpc-server/server";
import { Redis } from "ioredis";
import { notificationRouter } from "./api/router.ts";
import { callerFromToken } from "./api/trpc.ts";
import { notificationHandlers } from "./consumer/handlers.ts";
import type { ContactDirectory } from "./contacts/contacts.ts";
import { projectedContactDirectory } from "./contacts/customer-contacts.ts";
import { createDb, createSql, DB_SCHEMA } from "./db/client.ts";
import { createAfterCommitQueue } from "./delivery/after-commit.ts";
import { requeueQueued } from "./delivery/requeue.ts";
import { createDispatcher } from "./delivery/dispatcher.ts";
import { createSendQueue, DEFAULT_RETRY, type RetryPolicy } from "./delivery/send-queue.ts";
import { createSendTries } from "./delivery/send-try.ts";
import { startSendWorker } from "./delivery/send-worker.ts";
import type { Providers } from "./providers/provider.ts";
import type { SinkStore } from "./sinks/sink-store.ts";

export const CONSUMER_GROUP = "notification";

export interface NotificationServiceOptions {
  databaseUrl: string;
  redisUrl: string;
  port: number;
  internalSecret: string;
  logger: Logger;
  /** The owners' directory (customer service, identity); customers are read from the local projection first. */
  contacts: ContactDirectory;
  providers: Providers;
  publicOrigin: string;
  /** The local sinks' store, exposed by `sinks.list` (development, tests). */
  sinks?: SinkStore | null;
  clock?: Clock;
  retry?: RetryPolicy;
  /** Tests: their own BullMQ key prefix and event stream. */
  queuePrefix?: string;
  stream?: string;
  claimIdleMs?: number;
  requeueEveryMs?: number;
}

export async function startNotificationService(opts: NotificationServiceOptions): Promise<RunningServer> {
  const { logger } = opts;
  const db = createDb(opts.databaseUrl);
  const sql = createSql(opts.databaseUrl, logger);
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  const bullConnection = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  // ioredis reconnects by itself; without a listener its errors (every retry while Redis restarts) go raw to stderr.
  redis.on("error", (err) => logger.warn({ err }, "redis connection error"));
  bullConnection.on("error", (err) => logger.warn({ err }, "redis (BullMQ) connection error"));
  const clock = opts.clock ?? systemClock;
  const queue = createSendQueue({ connection: bullConnection, prefix: opts.queuePrefix, retry: opts.retry });
  const tries = createSendTries({ db, sql, providers: opts.providers, logger, clock, retry: opts.retry ?? DEFAULT_RETRY });
  const worker = startSendWorker({ sendTry: tries.next, connection: bullConnection, logger, prefix: opts.queuePrefix });
  const dispatcher = createDispatcher({ tries, queue, logger });
  const afterCommit = createAfterCommitQueue(sql, dispatcher);
  const consumer = startConsumer({
    redis,
    group: CONSUMER_GROUP,
    consumer: `notification-${process.pid}`,
    db: afterCommit.db,
    schema: DB_SCHEMA,
    handlers: notificationHandlers({ contacts: projectedContactDirectory(sql, opts.contacts), providers: opts.providers, enqueueAfterCommit: afterCommit.enqueueAfterCommit, publicOrigin: opts.publicOrigin, clock }),
    logger,
    ...(opts.stream ? { stream: opts.stream } : {}),
    ...(opts.claimIdleMs ? { claimIdleMs: opts.claimIdleMs } : {}),
    // Events that arrive within 10 ms are read and committed together (one wake-up, one transaction); the
    // 10 ms come out of the created → SMS budget (@sysops/events README, "Fewer wake-ups").
    lingerMs: 10,
  });
  const requeue = () =>
    requeueQueued(db, queue, clock.now()).then(
      (n) => n > 0 && logger.info({ messages: n }, "requeued queued messages"),
      (err: unknown) => logger.warn({ err }, "requeue failed"),
    );
  void requeue();
  const requeueTimer = setInterval(() => void requeue(), opts.requeueEveryMs ?? 60_000);
  requeueTimer.unref();

  return startTrpcServer({
    name: "svc-notification",
    port: opts.port,
    router: notificationRouter,
    logger,
    createContext: async ({ callerToken }) => ({ caller: await callerFromToken(callerToken, opts.internalSecret), db, sinks: opts.sinks ?? null }),
    checkReady: async () => {
      await db.$queryRaw`SELECT 1`;
    },
    onClose: async () => {
      clearInterval(requeueTimer);
      await consumer.stop();
      await dispatcher.close();
      await worker.close();
      await queue.close();
      for (const provider of Object.values(opts.providers)) await provider.close?.();
      redis.disconnect();
      bullConnection.disconnect();
      await db.$disconnect();
      await sql.end();
    },
  });
}
