/**
 * Every service keeps its tables in its own PostgreSQL schema of one shared database; these helpers point a
 * connection at that schema.
 * @see https://www.prisma.io/docs/orm/overview/databases/postgresql#connection-details
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { createStatementNamer } from "./statement-names.ts";

/** node-postgres pool settings (`max`, `connectionTimeoutMillis`, …); the URL comes from `databaseUrl`. */
export type PoolSettings = Omit<pg.PoolConfig, "connectionString">;

/** The same URL with `?schema=<schema>` (replacing any schema already there). */
export function serviceDatabaseUrl(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("schema", schema);
  return url.toString();
}

/**
 * Driver adapter for Prisma Client whose generated queries target `schema`. With Prisma 7 the pool is
 * node-postgres's (default `max` 10); `pool` sizes it. Statements are prepared once per connection and reused
 * (statement-names.ts), as Prisma's former Rust engine did.
 * @see https://www.prisma.io/docs/orm/v7/prisma-client/setup-and-configuration/databases-connections/connection-pool
 */
export function createPgAdapter(databaseUrl: string, schema: string, pool: PoolSettings = {}): PrismaPg {
  const statementNameGenerator = createStatementNamer() as (query: { sql: string }) => string;
  return new PrismaPg({ ...pool, connectionString: withoutSchemaParam(databaseUrl) }, { schema, statementNameGenerator });
}

/** `pg` does not understand Prisma's `schema` parameter; the adapter's option carries it instead. */
export function withoutSchemaParam(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.delete("schema");
  return url.toString();
}
