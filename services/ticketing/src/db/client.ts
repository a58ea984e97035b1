import { createPgAdapter, type PoolSettings } from "@sysops/db/connection";
import { createSqlPool, type SqlPool } from "@sysops/db/sql";
import { Prisma, PrismaClient } from "../generated/prisma/client.ts";

/** Ticketing's PostgreSQL schema: its tables and migration history live there. */
export const DB_SCHEMA = "ticketing";
/** The schema as a quoted identifier for hand-written statements (`${SQL_SCHEMA}."Ticket"`); Prisma's own queries qualify themselves. */
export const SQL_SCHEMA = Prisma.raw(`"${DB_SCHEMA}"`);
/** The ticket number sequence, as `nextval`'s argument. */
export const TICKET_NUMBER_SEQUENCE = Prisma.raw(`'"${DB_SCHEMA}"."Ticket_number_seq"'`);

/**
 * Ticketing's database: the Prisma client, plus `sql`, the pool its hot-path statements run on (@sysops/db/sql:
 * plain node-postgres, ~3× less CPU per statement than Prisma Client's `$queryRaw`): filing a ticket and
 * matching's loads and writes. `$disconnect` closes both.
 */
export class Db extends PrismaClient {
  readonly sql: SqlPool;

  constructor(databaseUrl: string, profile: DbProfile) {
    super({ adapter: createPgAdapter(databaseUrl, DB_SCHEMA, profile.pool), transactionOptions: profile.transactions });
    this.sql = createSqlPool(databaseUrl, { ...profile.pool, max: profile.sqlConnections, application_name: `${profile.pool.application_name ?? "ticketing"}-hot` });
  }

  override async $disconnect(): Promise<void> {
    await super.$disconnect();
    await this.sql.end();
  }
}

export interface DbProfile {
  pool: PoolSettings;
  /** Connections of the hot-path pool (`Db.sql`), beside Prisma's `pool.max`. */
  sqlConnections: number;
  /** Prisma's interactive transactions: wait for a connection (`maxWait`) and run (`timeout`), in ms. */
  transactions: { maxWait: number; timeout: number };
}

/**
 * Pool of the API process (svc-ticketing): request transactions are short (create: 6 round trips, the
 * COMMIT's WAL flush the longest). On a 2-core machine PostgreSQL cannot run more than a few at once, so 10
 * connections are plenty; more only queue inside PostgreSQL instead of here. A request that cannot get a
 * connection within 2 s fails with an error instead of hanging (the caller retries; the ticket is either
 * committed or not). The relay has its own pool of 2 (packages/events).
 */
export const API_DB: DbProfile = {
  pool: { max: 10, connectionTimeoutMillis: 2_000, idleTimeoutMillis: 30_000, application_name: "svc-ticketing" },
  sqlConnections: 10,
  transactions: { maxWait: 2_000, timeout: 5_000 },
};

/**
 * Pool of svc-ticketing-worker: the consumer handles one event at a time, a matching run loads with 3
 * parallel queries then writes all its picks in one statement (matching/assign-picks.ts), the SLA worker fires
 * up to 4 timers at once, auto-close one ticket at a time. 6 connections keep matching at full speed beside the consumer; SLA
 * firings queue briefly behind them (background work may wait longer for a connection than a request:
 * 10 s). Kept small because every suite on a machine shares PostgreSQL's 100 connections. The matching
 * advisory lock has its own connection (matching/job.ts).
 */
export const WORKER_DB: DbProfile = {
  pool: { max: 6, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 10_000, application_name: "svc-ticketing-worker" },
  sqlConnections: 4,
  transactions: { maxWait: 10_000, timeout: 15_000 },
};

export function createDb(databaseUrl: string, profile: DbProfile = API_DB): Db {
  return new Db(databaseUrl, profile);
}
