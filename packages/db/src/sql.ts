/**
 * A service's hot-path statements on plain node-postgres, beside its Prisma client. Prisma stays the way to
 * the schema, migrations and every ordinary query; the few statements that run for every ticket go through
 * here. Decision: measured on this project's 2-core machine (2026-12-03), Prisma Client's `$queryRaw` cost
 * 157 µs of CPU against 48 µs for the same statement on a pool here, and an interactive `$transaction` of two
 * statements 870 µs against 221 µs (`npx tsx src/db/sql-cost.bench.ts` in services/notification); the adapter
 * underneath is not what costs (its own query ~70 µs), Prisma Client's query and transaction machinery is. In the
 * created → SMS flow the notification service ran an interactive transaction and five statements per ticket.
 *
 * Statements are Prisma's tagged `Prisma.sql` templates (anything with `text` in `$1` style and `values`), so
 * they read like the rest of a service's SQL and stay parameterized. Each is prepared once per connection
 * (named after a hash of its text, statement-names.ts). Timestamps: a `Date` parameter is sent as ISO UTC, a
 * zone-less `timestamp` column (Prisma's `DateTime`, stored in UTC) comes back as that UTC instant, whatever
 * the process's time zone, and the session's time zone is UTC (so is `now()` cast to such a column).
 * @see https://node-postgres.com/features/queries
 */
import pg from "pg";
import type { Logger } from "@sysops/logger";
import { withoutSchemaParam, type PoolSettings } from "./connection.ts";
import { createStatementNamer } from "./statement-names.ts";

/** A parameterized statement: `Prisma.sql\`…\`` is one. */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

export interface SqlQueryable {
  /** The rows, as objects keyed by column name. */
  query<T>(statement: SqlStatement): Promise<T[]>;
  /** The same, for hand-built text (`$1`… placeholders); the shape `@sysops/events`' inbox expects of a transaction. */
  $queryRawUnsafe<T = unknown>(text: string, ...values: unknown[]): Promise<T>;
}

export interface SqlPool extends SqlQueryable {
  /** Runs `fn` inside BEGIN … COMMIT on one connection (ROLLBACK when it throws). */
  transaction<R>(fn: (tx: SqlQueryable) => Promise<R>): Promise<R>;
  end(): Promise<void>;
}

const TIMESTAMP_OID = 1114;
/** `2026-12-03 17:04:05.123` (a zone-less timestamp holding UTC) → that instant. */
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const textParser = (oid: number): ((text: string) => unknown) =>
  oid === TIMESTAMP_OID ? parseUtcTimestamp : (pg.types.getTypeParser(oid, "text") as (text: string) => unknown);
const types = { getTypeParser: textParser as typeof pg.types.getTypeParser };

const toParameter = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.map(toParameter) : value;

/**
 * True when PostgreSQL answered the statement with an error (a constraint, a bad value, a raised exception):
 * then the statement, and outside a transaction all it wrote, was rolled back, so running it again cannot do
 * anything twice. False for a lost connection, where the statement may or may not have committed.
 */
export const isStatementError = (error: unknown): boolean => error instanceof pg.DatabaseError;

export function createSqlPool(databaseUrl: string, settings: PoolSettings = {}, logger?: Logger): SqlPool {
  // Session time zone UTC: a column default `CURRENT_TIMESTAMP` on a zone-less timestamp then holds UTC too.
  const pool = new pg.Pool({ options: "-c TimeZone=UTC", ...settings, connectionString: withoutSchemaParam(databaseUrl), types });
  // A dropped idle connection (PostgreSQL restart) must not crash the process; the next checkout reconnects.
  pool.on("error", (error) => logger?.warn({ err: error }, "sql pool: idle database connection lost"));
  const nameOf = createStatementNamer();

  const run = async <T>(client: pg.Pool | pg.PoolClient, text: string, values: unknown[]): Promise<T[]> => {
    const result = await client.query<T & pg.QueryResultRow>({ name: nameOf({ sql: text }), text, values: values.map(toParameter) });
    return result.rows;
  };
  const queryable = (client: pg.Pool | pg.PoolClient): SqlQueryable => ({
    query: (statement) => run(client, statement.text, statement.values),
    $queryRawUnsafe: async <T>(text: string, ...values: unknown[]) => (await run(client, text, values)) as T,
  });

  return {
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      // A checked-out client emits "error" when its connection dies; without a listener that would crash the process.
      const onError = () => {
        broken = true;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const result = await fn(queryable(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.off("error", onError);
        client.release(broken);
      }
    },
    end: () => pool.end(),
  };
}
