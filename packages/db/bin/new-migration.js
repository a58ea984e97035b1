#!/usr/bin/env node
/* global process, console, URL */
// Usage (from a service folder): npm run db:new-migration -- <name> [--schema=<pg schema>]
// The PostgreSQL schema defaults to the service folder's name (services/identity → identity).
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL from the last migration's schema
// to prisma/schema.prisma, offline (Wasm schema engine). Workspace sources are TypeScript, so they are
// loaded through jiti.
import path from "node:path";
import { createJiti } from "jiti";

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith("--"));
const schema = args.find((a) => a.startsWith("--schema="))?.slice("--schema=".length) ?? path.basename(process.cwd());
if (!name) {
  console.error("usage: db:new-migration <name>");
  process.exit(2);
}
const jiti = createJiti(import.meta.url);
/** @type {typeof import("../src/migrate.ts")} */
const migrate = await jiti.import(new URL("../src/migrate.ts", import.meta.url).pathname);
const { diffMigrationSql, writeMigration } = migrate;
const { readFile } = await import("node:fs/promises");

const schemaFile = path.resolve("prisma/schema.prisma");
const migrationsDir = path.resolve("prisma/migrations");
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const sql = await diffMigrationSql({ databaseUrl, schema, migrationsDir, schemaFile });
if (!sql) {
  console.log("prisma/schema.prisma matches the last migration: nothing to do");
} else {
  const folder = await writeMigration(migrationsDir, name, sql, await readFile(schemaFile, "utf8"));
  console.log(`wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
}
