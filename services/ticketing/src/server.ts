/**
 * Ticketing's HTTP server (main.ts and integration tests). Calls to the customer service carry the
 * current request's caller token; outside a request (tests through `createCaller`, jobs) ticketing signs
 * as itself. Background work runs in svc-ticketing-worker (worker-main.ts); see workers.ts for the split.
 */
import { systemClock, type Clock } from "@sysops/events/clock";
import { signCaller } from "@sysops/internal-auth";
import type { Logger } from "@sysops/logger";
import type { CustomerRouter } from "@sysops/svc-customer/api";
import { createServiceClient } from "@sysops/trpc-server/service-client";
import { startTrpcServer, type RunningServer } from "@sysops/trpc-server/server";
import { ticketingRouter } from "./api/router.ts";
import { callerFromToken } from "./api/trpc.ts";
import { customerServiceDirectory, type CustomerDirectory } from "./customers/customer-directory.ts";
import { API_DB, createDb } from "./db/client.ts";
import { startApiSideWork } from "./workers.ts";

export function customerDirectoryAt(customerServiceUrl: string, internalSecret: string): CustomerDirectory {
  const asTicketing = () => signCaller({ kind: "service", service: "ticketing" }, internalSecret);
  return customerServiceDirectory(createServiceClient<CustomerRouter>(customerServiceUrl, asTicketing));
}

export interface TicketingServerOptions {
  databaseUrl: string;
  port: number;
  internalSecret: string;
  customerServiceUrl: string;
  logger: Logger;
  /** Defaults to the system clock; tests pass a manual one. */
  clock?: Clock;
  /** With Redis, the process also runs the outbox relay and the SLA timer queue (`startApiSideWork`). */
  redis?: { url: string; stream?: string; slaPrefix?: string };
}

export async function startTicketingServer(opts: TicketingServerOptions): Promise<RunningServer> {
  const db = createDb(opts.databaseUrl, API_DB);
  const customers = customerDirectoryAt(opts.customerServiceUrl, opts.internalSecret);
  const clock = opts.clock ?? systemClock;
  const { redis } = opts;
  const sideWork = redis
    ? startApiSideWork({ db, databaseUrl: opts.databaseUrl, redisUrl: redis.url, clock, logger: opts.logger, ...(redis.stream ? { stream: redis.stream } : {}), ...(redis.slaPrefix ? { slaPrefix: redis.slaPrefix } : {}) })
    : null;
  return startTrpcServer({
    name: "svc-ticketing",
    port: opts.port,
    router: ticketingRouter,
    logger: opts.logger,
    createContext: async ({ callerToken }) => ({ caller: await callerFromToken(callerToken, opts.internalSecret), db, customers, clock }),
    checkReady: async () => {
      await db.$queryRaw`SELECT 1`;
    },
    onClose: async () => {
      await sideWork?.stop();
      await db.$disconnect();
    },
  });
}
