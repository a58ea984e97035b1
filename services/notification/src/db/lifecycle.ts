/**
 * What the launcher runs before starting the service: apply committed migrations. The notification
 * service has no demo data of its own (its tables fill from events), so `seedDemo` seeds nothing.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { applyMigrations } from "@sysops/db/migrate";
import { createLogger } from "@sysops/logger";
import { DB_SCHEMA } from "./client.ts";

/** Found through the package, not this file's URL: the launcher bundles this module into its own dist. */
const migrationsDir = () => path.join(path.dirname(createRequire(import.meta.url).resolve("@sysops/svc-notification/package.json")), "prisma/migrations");

export async function migrate(databaseUrl: string): Promise<string[]> {
  return applyMigrations({ databaseUrl, schema: DB_SCHEMA, migrationsDir: migrationsDir(), logger: createLogger("svc-notification") });
}

export function seedDemo(_databaseUrl: string): Promise<{ seeded: boolean }> {
  return Promise.resolve({ seeded: false });
}
