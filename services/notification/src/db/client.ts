import { createPgAdapter } from "@sysops/db/connection";
import { createSqlPool, type SqlPool } from "@sysops/db/sql";
import type { Logger } from "@sysops/logger";
import { PrismaClient } from "../generated/prisma/client.ts";

/** The notification service's PostgreSQL schema: its tables and migration history live there. */
export const DB_SCHEMA = "notification";

export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl, DB_SCHEMA) });
}

/**
 * The hot path's SQL pool (@sysops/db/sql): the event consumer's transactions and statements, and each message's
 * claim and "sent" record, run there instead of through Prisma Client (its query and transaction machinery cost
 * ~3–4× the CPU per statement; db/sql-cost.bench.ts). Up to 6 connections: the consumer's transaction, and
 * the tries' statements beside it. Everything else uses the Prisma client (`createDb`).
 */
export function createSql(databaseUrl: string, logger?: Logger): SqlPool {
  return createSqlPool(databaseUrl, { max: 6, idleTimeoutMillis: 30_000, application_name: "svc-notification-hot" }, logger);
}
