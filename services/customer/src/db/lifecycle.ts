/**
 * What the launcher runs before starting the service: apply committed migrations, then seed the demo
 * world into an empty database and publish every customer's profile once (ticketing's projection).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { applyMigrations } from "@sysops/db/migrate";
import { createLogger } from "@sysops/logger";
import { createDb, DB_SCHEMA } from "./client.ts";
import { publishInitialProfiles } from "../customers/profile-events.ts";
import { seedDemoCustomers } from "./demo-seed.ts";

/** Found through the package, not this file's URL: the launcher bundles this module into its own dist. */
const migrationsDir = () => path.join(path.dirname(createRequire(import.meta.url).resolve("@sysops/svc-customer/package.json")), "prisma/migrations");

export async function migrate(databaseUrl: string): Promise<string[]> {
  return applyMigrations({ databaseUrl, schema: DB_SCHEMA, migrationsDir: migrationsDir(), logger: createLogger("svc-customer") });
}

export async function seedDemo(databaseUrl: string): Promise<{ seeded: boolean }> {
  const db = createDb(databaseUrl);
  try {
    const seeded = await seedDemoCustomers(db);
    await publishInitialProfiles(db);
    return { seeded };
  } finally {
    await db.$disconnect();
  }
}
