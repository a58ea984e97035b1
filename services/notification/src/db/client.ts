import { createPgAdapter } from "@sysops/db/connection";
import { PrismaClient } from "../generated/prisma/client.ts";

/** The notification service's PostgreSQL schema: its tables and migration history live there. */
export const DB_SCHEMA = "notification";

export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl, DB_SCHEMA) });
}
