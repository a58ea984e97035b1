/**
 * Applies and creates Prisma migrations offline through the WebAssembly schema engine, with the same
 * result as `prisma migrate deploy`: each service's tables and its `_prisma_migrations` history live in the
 * service's own PostgreSQL schema, and the folders stay standard Prisma migrations.
 * @see https://www.prisma.io/docs/orm/prisma-migrate/workflows/development-and-production
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "@sysops/logger";
import pg from "pg";
import { latestSchemaSnapshot, readMigrationsFolder } from "./migrations-folder.ts";
import { adminQuery, openSchemaEngine, poolConfigOf } from "./schema-engine.ts";

export { writeMigration } from "./migrations-folder.ts";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export interface ApplyMigrationsOptions {
  databaseUrl: string;
  schema: string;
  migrationsDir: string;
  logger?: Logger;
}

/** Creates `schema` if missing and applies the migrations not applied yet; returns their names. */
export async function applyMigrations({ databaseUrl, schema, migrationsDir, logger }: ApplyMigrationsOptions): Promise<string[]> {
  await adminQuery(poolConfigOf(databaseUrl), `CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
  const { engine, ...connection } = await openSchemaEngine(databaseUrl, schema, (line) => logger?.debug({ engine: line }, "schema engine"));
  try {
    const migrationsList = await readMigrationsFolder(migrationsDir);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    logger?.info({ schema, applied: appliedMigrationNames }, appliedMigrationNames.length ? "migrations applied" : "schema up to date");
    return appliedMigrationNames;
  } finally {
    await connection.close();
  }
}

export interface DiffOptions {
  /** The engine needs a connection even for a file-to-file diff; nothing is written to it. */
  databaseUrl: string;
  /** The service's PostgreSQL schema: the script starts with `CREATE SCHEMA IF NOT EXISTS` it. */
  schema: string;
  migrationsDir: string;
  schemaFile: string;
}

/**
 * SQL that takes the schema of the latest migration (the `schema.prisma` snapshot kept beside it; nothing
 * for the first migration) to `schemaFile`; empty when nothing changed.
 *
 * Diffing against a shadow database replaying the migrations (what `prisma migrate dev` does) fails in the
 * Wasm engine with adapter-pg 7.10.0 ("Column type 'char' could not be deserialized"), hence the snapshot.
 */
export async function diffMigrationSql({ databaseUrl, schema, migrationsDir, schemaFile }: DiffOptions): Promise<string> {
  const previous = await latestSchemaSnapshot(migrationsDir);
  const { engine, ...connection } = await openSchemaEngine(databaseUrl, schema);
  try {
    const content = await readFile(schemaFile, "utf8");
    const { stdout } = await engine.diff({
      from: previous === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: path.resolve(schemaFile), content: previous }] },
      to: { tag: "schemaDatamodel", files: [{ path: path.resolve(schemaFile), content }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  } finally {
    await connection.close();
  }
}
